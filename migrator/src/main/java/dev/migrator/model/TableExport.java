package dev.migrator.model;

/**
 * A DynamoDB export in S3 (ExportTableToPointInTime, DYNAMODB_JSON) to read a table's bulk copy from instead of
 * scanning the source table: {@code s3://bucket/prefix/AWSDynamoDB/<export id>/manifest-summary.json} and the data
 * files its manifest lists. {@code exportArn} names a finished export; with {@code start} (and no ARN) the run
 * starts one. {@code pointer} is where the schema declares it.
 */
public record TableExport(String bucket, String prefix, String exportArn, boolean start, String pointer) {

    /** The export the run started, under its ARN. */
    public TableExport withArn(String arn) {
        return new TableExport(bucket, prefix, arn, start, pointer);
    }

    /** Whether the run starts this export (no finished one is named). */
    public boolean started() {
        return start && exportArn.isEmpty();
    }

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
