package dev.migrator.store.table;

import java.util.List;

/** A table as DescribeTable shows it. The item count is DynamoDB's estimate (refreshed about every six hours). */
public record TableInfo(
        String name,
        String status,
        List<KeyAttribute> keySchema,
        long approximateItemCount,
        long sizeBytes,
        String billingMode,
        boolean streamEnabled,
        List<String> globalSecondaryIndexes,
        String streamViewType,
        String streamArn) {

    public TableInfo {
        keySchema = List.copyOf(keySchema);
        globalSecondaryIndexes = List.copyOf(globalSecondaryIndexes);
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
