package dev.migrator.store.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.transform.DynamoJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item as DynamoDB's own JSON, the bytes a Scan returned, with its key attributes read out: a copy that changes
 * nothing sends these bytes back as they came ({@link RawBatchBody}), so no attribute is rebuilt as objects twice on
 * the way, nor can its type or a number's digits change. It is still the whole item as a map: whatever reads more
 * than its key (a transform, a dead letter, a comparison) gets every attribute, read from the bytes once.
 */
final class RawItem extends AbstractMap<String, AttributeValue> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] json;
    /** The names looked for when the item was read, and those of them it holds (with their values). */
    private final Set<String> looked;
    private final Map<String, AttributeValue> found;
    private volatile Map<String, AttributeValue> whole;

    RawItem(byte[] json, Set<String> looked, Map<String, AttributeValue> found) {
        this.json = json;
        this.looked = looked;
        this.found = found;
    }

    /** The item's DynamoDB JSON, as it came (not a copy: never change it). */
    byte[] json() {
        return json;
    }

    /** Whether anything has asked for more than the key (the bytes were then read into attribute values). */
    boolean wholeRead() {
        return whole != null;
    }

    @Override
    public AttributeValue get(Object name) {
        return looked.contains(name) ? found.get(name) : whole().get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return looked.contains(name) ? found.containsKey(name) : whole().containsKey(name);
    }

    @Override
    public Set<Entry<String, AttributeValue>> entrySet() {
        return whole().entrySet();
    }

    @Override
    public int size() {
        return whole().size();
    }

    private Map<String, AttributeValue> whole() {
        Map<String, AttributeValue> read = whole;
        if (read == null) {
            try {
                read = Collections.unmodifiableMap(DynamoJson.item(JSON.readTree(json)));
            } catch (IOException e) {
                throw new UncheckedIOException("an item DynamoDB returned is not JSON", e);
            }
            whole = read;
        }
        return read;
    }
}
