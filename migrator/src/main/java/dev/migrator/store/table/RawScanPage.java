package dev.migrator.store.table;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Takes the items out of a Scan response's JSON as {@link RawItem}s, each read only for the named (key) attributes,
 * and gives back the response without them (its {@code Items} empty), for the SDK to read the rest: the last key,
 * counts and consumed capacity. One instance serves one Scan call; a retried attempt starts it over.
 */
final class RawScanPage implements UnaryOperator<byte[]> {
    private static final byte[] EMPTY = {'[', ']'};

    private final RawItemReader reader;
    private volatile List<Map<String, AttributeValue>> items;

    RawScanPage(Set<String> keyNames) {
        this.reader = new RawItemReader(keyNames);
    }

    /** The items taken, or null when the response was never handed here (the SDK then read them itself). */
    List<Map<String, AttributeValue>> items() {
        return items;
    }

    @Override
    public byte[] apply(byte[] body) {
        try (JsonParser p = RawItemReader.JSON.createParser(body)) {
            RawItemReader.expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                JsonToken value = p.nextToken();
                if (!"Items".equals(p.currentName()) || value != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                int from = (int) p.currentTokenLocation().getByteOffset();
                List<Map<String, AttributeValue>> taken = new ArrayList<>();
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    taken.add(reader.read(p, body));
                }
                int to = (int) p.currentTokenLocation().getByteOffset() + 1;
                items = taken;
                ByteArrayOutputStream rest = new ByteArrayOutputStream(body.length - (to - from) + 2);
                rest.write(body, 0, from);
                rest.write(EMPTY, 0, EMPTY.length);
                rest.write(body, to, body.length - to);
                return rest.toByteArray();
            }
            items = List.of();
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("a Scan response DynamoDB returned is not the JSON expected", e);
        }
    }
}
