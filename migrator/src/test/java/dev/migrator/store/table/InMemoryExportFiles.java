package dev.migrator.store.table;

import dev.migrator.transform.DynamoJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** S3 objects in memory, and a DynamoDB export laid out in them as the documentation describes. */
final class InMemoryExportFiles implements ExportFiles {
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    @Override
    public Optional<String> text(String bucket, String key) {
        return Optional.ofNullable(objects.get(bucket + "/" + key)).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    @Override
    public InputStream open(String bucket, String key) {
        return new ByteArrayInputStream(objects.get(bucket + "/" + key));
    }

    /** manifest-summary.json, manifest-files.json and {@code files} gzipped data files of {@code items}. */
    void layOut(String bucket, String prefix, String arn, List<Map<String, AttributeValue>> items, int files) {
        String base = (prefix.isEmpty() ? "" : prefix + "/") + "AWSDynamoDB/" + arn.substring(arn.lastIndexOf('/') + 1) + "/";
        StringBuilder manifest = new StringBuilder();
        for (int f = 0; f < files; f++) {
            String key = base + "data/part-" + f + ".json.gz";
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            int count = 0;
            try (GZIPOutputStream zip = new GZIPOutputStream(gz)) {
                for (int i = f; i < items.size(); i += files) {
                    zip.write(("{\"Item\":" + DynamoJson.item(items.get(i)) + "}\n").getBytes(StandardCharsets.UTF_8));
                    count++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            objects.put(bucket + "/" + key, gz.toByteArray());
            manifest.append("{\"itemCount\":").append(count).append(",\"dataFileS3Key\":\"").append(key).append("\"}\n");
        }
        objects.put(bucket + "/" + base + "manifest-files.json", manifest.toString().getBytes(StandardCharsets.UTF_8));
        objects.put(bucket + "/" + base + "manifest-summary.json", ("{\"exportArn\":\"" + arn + "\",\"exportTime\":\"2026-12-01T00:00:00Z\","
                + "\"manifestFilesS3Key\":\"" + base + "manifest-files.json\",\"itemCount\":" + items.size()
                + ",\"outputFormat\":\"DYNAMODB_JSON\"}").getBytes(StandardCharsets.UTF_8));
    }
}
