package dev.migrator.store.table;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The JSON body of a BatchWriteItem that puts {@link RawItem}s into one table, each item's bytes as they came. */
final class RawBatchBody {
    private static final byte[] PUT = "{\"PutRequest\":{\"Item\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PUT_END = "}}".getBytes(StandardCharsets.US_ASCII);

    private RawBatchBody() {}

    /** True when every item is a {@link RawItem}, so the batch can go as bytes. */
    static boolean fits(List<Map<String, AttributeValue>> items) {
        return !items.isEmpty() && items.stream().allMatch(RawItem.class::isInstance);
    }

    static byte[] of(String table, List<Map<String, AttributeValue>> items, boolean measureCapacity) {
        int size = 64 + table.length();
        for (Map<String, AttributeValue> item : items) {
            size += ((RawItem) item).json().length + PUT.length + PUT_END.length + 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(("{\"RequestItems\":{\"" + new String(JsonStringEncoder.getInstance().quoteAsString(table)) + "\":[")
                .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(PUT);
            out.writeBytes(((RawItem) items.get(i)).json());
            out.writeBytes(PUT_END);
        }
        out.writeBytes(("]},\"ReturnConsumedCapacity\":\"" + (measureCapacity ? "TOTAL" : "NONE") + "\"}")
                .getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
