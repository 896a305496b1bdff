package dev.migrator.store.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.model.TableExport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A finished DynamoDB export as its manifests describe it: manifest-summary.json (format, item count, the time of
 * the snapshot) and manifest-files.json (one JSON line per gzipped data file, with its item count).
 */
record ExportManifest(String exportArn, String exportTime, String outputFormat, long itemCount, List<DataFile> files) {
    private static final ObjectMapper JSON = new ObjectMapper();

    record DataFile(String key, long itemCount) {}

    ExportManifest {
        files = List.copyOf(files);
    }

    /** Reads both manifests; empty when the summary is not there. An unreadable manifest is an error that says which. */
    static Optional<ExportManifest> read(ExportFiles s3, TableExport export) {
        Optional<String> summaryText = s3.text(export.bucket(), export.summaryKey());
        if (summaryText.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode summary = JSON.readTree(summaryText.get());
            String filesKey = summary.path("manifestFilesS3Key").asText();
            String filesText = s3.text(export.bucket(), filesKey).orElseThrow(() -> new IllegalStateException(
                    "s3://" + export.bucket() + "/" + filesKey + " (manifest-files.json named by the export's summary) does not exist"));
            List<DataFile> files = new ArrayList<>();
            for (String line : filesText.split("\n")) {
                if (!line.isBlank()) {
                    JsonNode file = JSON.readTree(line);
                    files.add(new DataFile(file.path("dataFileS3Key").asText(), file.path("itemCount").asLong()));
                }
            }
            return Optional.of(new ExportManifest(summary.path("exportArn").asText(), summary.path("exportTime").asText(),
                    summary.path("outputFormat").asText(), summary.path("itemCount").asLong(), files));
        } catch (IOException e) {
            throw new UncheckedIOException("the manifest of export " + export.exportArn() + " is not JSON", e);
        }
    }
}
