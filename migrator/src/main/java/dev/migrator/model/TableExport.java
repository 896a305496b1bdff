package dev.migrator.model;

/**
 * A DynamoDB export in S3 (ExportTableToPointInTime, DYNAMODB_JSON) to read a table's bulk copy from instead of
 * scanning the source table: {@code s3://bucket/prefix/AWSDynamoDB/<export id>/manifest-summary.json} and the data
 * files its manifest lists. {@code pointer} is where the schema declares it.
 */
public record TableExport(String bucket, String prefix, String exportArn, String pointer) {

    /** The export's id, the last part of its ARN ({@code .../export/01700000000000-a1b2c3d4}). */
    public String exportId() {
        return exportArn.substring(exportArn.lastIndexOf('/') + 1);
    }

    /** The key of the export's manifest-summary.json. */
    public String summaryKey() {
        String base = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        return base + "AWSDynamoDB/" + exportId() + "/manifest-summary.json";
    }
}
