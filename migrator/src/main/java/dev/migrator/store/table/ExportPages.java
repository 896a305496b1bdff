package dev.migrator.store.table;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.transform.DynamoJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An export's data files as the copier's segments: segment i is data file i, read as pages of up to
 * {@code pageSize} items. A page's "last key" is {@code {"line": N}}, the lines read so far, so the segment
 * checkpoints resume a file where its last finished page ended. Each file stays open between its pages.
 */
final class ExportPages implements TableCopier.PageSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LINE = "line";

    private final ExportFiles s3;
    private final String bucket;
    private final List<ExportManifest.DataFile> files;
    private final int pageSize;
    private final Map<Integer, OpenFile> open = new ConcurrentHashMap<>();

    private static final class OpenFile {
        final BufferedReader reader;
        long line;

        OpenFile(BufferedReader reader) {
            this.reader = reader;
        }
    }

    /** Where items may stay the file's JSON ({@link RawItem}), read only for these key names; empty: read whole. */
    private final Optional<RawItemReader> raw;

    ExportPages(ExportFiles s3, String bucket, List<ExportManifest.DataFile> files, int pageSize, Optional<RawItemReader> raw) {
        this.s3 = s3;
        this.bucket = bucket;
        this.files = List.copyOf(files);
        this.pageSize = pageSize;
        this.raw = raw;
    }

    @Override
    public TableGateway.ScanPage page(int segment, Map<String, AttributeValue> start) {
        long from = start == null ? 0 : Long.parseLong(start.get(LINE).n());
        try {
            OpenFile file = positioned(segment, from);
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            String text;
            while (items.size() < pageSize && (text = file.reader.readLine()) != null) {
                file.line++;
                if (!text.isBlank()) {
                    items.add(raw.isPresent() ? rawItem(text, segment, file.line) : DynamoJson.item(item(text, segment, file.line)));
                }
            }
            if (items.size() < pageSize) {
                close(segment);
                return new TableGateway.ScanPage(items, null, 0);
            }
            return new TableGateway.ScanPage(items, Map.of(LINE, AttributeValue.fromN(String.valueOf(file.line))), 0);
        } catch (IOException e) {
            close(segment);
            throw new UncheckedIOException("cannot read s3://" + bucket + "/" + files.get(segment).key(), e);
        }
    }

    private JsonNode item(String text, int segment, long line) throws IOException {
        JsonNode item = JSON.readTree(text).path("Item");
        if (!item.isObject()) {
            throw new IOException("line " + line + " of s3://" + bucket + "/" + files.get(segment).key()
                    + " has no \"Item\": not a DYNAMODB_JSON export");
        }
        return item;
    }

    /** A line's {@code "Item"} as its bytes, read only for the key. */
    private RawItem rawItem(String text, int segment, long line) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (JsonParser p = RawItemReader.JSON.createParser(bytes)) {
            RawItemReader.expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() == JsonToken.START_OBJECT && "Item".equals(name)) {
                    return raw.get().read(p, bytes);
                }
                p.skipChildren();
            }
        }
        throw new IOException("line " + line + " of s3://" + bucket + "/" + files.get(segment).key()
                + " has no \"Item\": not a DYNAMODB_JSON export");
    }

    /** The file open at line {@code from}: the one left open by the last page, or opened again and skipped to it. */
    private OpenFile positioned(int segment, long from) throws IOException {
        OpenFile file = open.get(segment);
        if (file != null && file.line == from) {
            return file;
        }
        close(segment);
        file = new OpenFile(new BufferedReader(new InputStreamReader(
                new GZIPInputStream(s3.open(bucket, files.get(segment).key()), 64 * 1024), StandardCharsets.UTF_8)));
        while (file.line < from && file.reader.readLine() != null) {
            file.line++;
        }
        open.put(segment, file);
        return file;
    }

    private void close(int segment) {
        OpenFile file = open.remove(segment);
        if (file != null) {
            try {
                file.reader.close();
            } catch (IOException e) {
                // a file we are done with: nothing to keep
            }
        }
    }
}
