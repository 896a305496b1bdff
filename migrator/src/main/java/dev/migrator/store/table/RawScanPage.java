package dev.migrator.store.table;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Takes the items out of a Scan response's JSON as {@link RawItem}s, each read only for the named (key) attributes,
 * and gives back the response without them (its {@code Items} empty), for the SDK to read the rest: the last key,
 * counts and consumed capacity. One instance serves one Scan call; a retried attempt starts it over.
 */
final class RawScanPage implements UnaryOperator<byte[]> {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final byte[] EMPTY = {'[', ']'};

    private final Set<String> keyNames;
    private volatile List<Map<String, AttributeValue>> items;

    RawScanPage(Set<String> keyNames) {
        this.keyNames = keyNames;
    }

    /** The items taken, or null when the response was never handed here (the SDK then read them itself). */
    List<Map<String, AttributeValue>> items() {
        return items;
    }

    @Override
    public byte[] apply(byte[] body) {
        try (JsonParser p = FACTORY.createParser(body)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                JsonToken value = p.nextToken();
                if (!"Items".equals(p.currentName()) || value != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                int from = (int) p.currentTokenLocation().getByteOffset();
                List<Map<String, AttributeValue>> taken = new ArrayList<>();
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    taken.add(item(p, body));
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

    /** One item, the parser on its opening brace; leaves the parser on its closing one. */
    private RawItem item(JsonParser p, byte[] body) throws IOException {
        int start = (int) p.currentTokenLocation().getByteOffset();
        Map<String, AttributeValue> found = new HashMap<>(4);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            expect(p.nextToken(), JsonToken.START_OBJECT);
            if (keyNames.contains(name)) {
                AttributeValue key = keyValue(p);
                if (key == null) { // a key name holding another type: read from the whole item when asked
                    return new RawItem(Arrays.copyOfRange(body, start, endOf(p)), Set.of(), Map.of());
                }
                found.put(name, key);
            } else {
                p.skipChildren();
            }
        }
        int end = (int) p.currentTokenLocation().getByteOffset() + 1;
        return new RawItem(Arrays.copyOfRange(body, start, end), keyNames, found);
    }

    /** A value of a key's type (S, N or B), the parser on its opening brace and left on its closing one; else null. */
    private static AttributeValue keyValue(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.FIELD_NAME);
        String type = p.currentName();
        JsonToken token = p.nextToken();
        AttributeValue value = token != JsonToken.VALUE_STRING ? null : switch (type) {
            case "S" -> AttributeValue.fromS(p.getText());
            case "N" -> AttributeValue.fromN(p.getText());
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(Base64.getDecoder().decode(p.getText())));
            default -> null;
        };
        p.skipChildren();
        while (p.nextToken() != JsonToken.END_OBJECT) {
            p.skipChildren();
        }
        return value;
    }

    /** The end of the item the parser is inside (one attribute value in): past its closing brace. */
    private static int endOf(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            p.nextToken();
            p.skipChildren();
        }
        return (int) p.currentTokenLocation().getByteOffset() + 1;
    }

    private static void expect(JsonToken token, JsonToken wanted) throws IOException {
        if (token != wanted) {
            throw new IOException("expected " + wanted + " but found " + token);
        }
    }
}
