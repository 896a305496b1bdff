package dev.migrator.store.table;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table as DescribeTable shows it. The item count is DynamoDB's estimate (refreshed about every six hours). */
public record TableInfo(
        String name,
        String status,
        List<KeyAttribute> keySchema,
        long approximateItemCount,
        long sizeBytes,
        String billingMode,
        boolean streamEnabled,
        Map<String, List<String>> globalIndexes,
        String streamViewType,
        String streamArn,
        Map<String, List<String>> localIndexes,
        String tableClass) {

    /** {@code globalIndexes}, {@code localIndexes}: each index's name and key schema, in DescribeTable's order. */
    public TableInfo {
        keySchema = List.copyOf(keySchema);
        globalIndexes = Collections.unmodifiableMap(new LinkedHashMap<>(globalIndexes));
        localIndexes = Collections.unmodifiableMap(new LinkedHashMap<>(localIndexes));
    }

    /** A key attribute: its name, HASH or RANGE, and its scalar type S, N or B. */
    public record KeyAttribute(String name, String role, String type) {
        @Override
        public String toString() {
            return name + " (" + ("HASH".equals(role) ? "partition" : "sort") + ", " + type + ")";
        }
    }

    public List<String> keyNames() {
        return keySchema.stream().map(KeyAttribute::name).toList();
    }

    /** Whether the table's stream carries the new image of each write, which catching up needs. */
    public boolean streamHasNewImages() {
        return streamEnabled && ("NEW_IMAGE".equals(streamViewType) || "NEW_AND_OLD_IMAGES".equals(streamViewType));
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
