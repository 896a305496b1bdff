package dev.migrator.store.table;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads one item of DynamoDB JSON, the parser on its opening brace, into a {@link RawItem}: its bytes, and the
 * values of {@code keyNames} (S, N or B; a key name holding another type leaves the whole item to be read when
 * asked). Serves a Scan response ({@link RawScanPage}) and an export's data files ({@link ExportPages}) alike.
 */
record RawItemReader(Set<String> keyNames) {
    /** Jackson's streaming parsers (thread-safe, shared). */
    static final JsonFactory JSON = new JsonFactory();

    /** One item, the parser on its opening brace; leaves the parser on its closing one. */
    RawItem read(JsonParser p, byte[] body) throws IOException {
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

    static void expect(JsonToken token, JsonToken wanted) throws IOException {
        if (token != wanted) {
            throw new IOException("expected " + wanted + " but found " + token);
        }
    }
}
