package dev.migrator.store.table;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the table steps need of DynamoDB. Items are the SDK's {@code Map<String, AttributeValue>}
 * (a plain data type, kept so every DynamoDB type survives exactly); no client or request type leaks.
 */
public interface TableGateway {

    /** The table's description, or empty if it does not exist. */
    Optional<TableInfo> describe(String table);

    /** Up to {@code limit} keys of the table, each as attribute name to string form of the value. */
    List<Map<String, String>> firstKeys(String table, List<String> keyAttributes, int limit);

    /**
     * One page of a (parallel) Scan, strongly consistent. {@code measureCapacity} asks DynamoDB for the
     * consumed capacity (only capacity-unit rate limits need it, and it is not free).
     */
    ScanPage scan(String table, int segment, int totalSegments, Map<String, AttributeValue> startKey, int limit,
                  boolean measureCapacity);

    /**
     * A page for a copy that writes items as it read them: like {@link #scan}, but the items may stay as DynamoDB
     * returned them, read only for {@code keyNames} until something asks for more, so that {@link #batchWrite} can send
     * them back unread. Gateways that cannot do so scan.
     */
    default ScanPage scanToCopy(String table, int segment, int totalSegments, Map<String, AttributeValue> startKey, int limit,
                                boolean measureCapacity, java.util.Set<String> keyNames) {
        return scan(table, segment, totalSegments, startKey, limit, measureCapacity);
    }

    /** One BatchWriteItem of up to 25 puts; returns what DynamoDB left unprocessed. */
    WriteResult batchWrite(String table, List<Map<String, AttributeValue>> items, boolean measureCapacity);

    /** Which of these keys (up to 100) the table already holds. */
    List<Map<String, AttributeValue>> existingKeys(String table, List<Map<String, AttributeValue>> keys);

    /**
     * The table's behaviour-changing configuration (preflight compares both sides): what {@code info} holds (indexes,
     * billing, class), plus TTL and point-in-time recovery, unknown where not implemented.
     */
    default TableConfig configuration(String table, TableInfo info) {
        return new TableConfig(java.util.Optional.empty(), java.util.Optional.empty(), info.billingMode(), info.tableClass(),
                info.globalIndexes(), info.localIndexes(), List.of("TTL", "point-in-time recovery"));
    }

    /** One write of a mixed batch: a put of {@code item}, or a delete of {@code key} (the other one null). */
    record Write(Map<String, AttributeValue> item, Map<String, AttributeValue> key) {
        public static Write put(Map<String, AttributeValue> item) {
            return new Write(item, null);
        }

        public static Write delete(Map<String, AttributeValue> key) {
            return new Write(null, key);
        }

        public boolean deletes() {
            return key != null;
        }
    }

    /**
     * One BatchWriteItem of up to 25 puts and deletes, each of another key; returns the writes DynamoDB left
     * unprocessed. Gateways without batches apply them one by one.
     */
    default List<Write> apply(String table, List<Write> writes) {
        for (Write w : writes) {
            if (w.deletes()) {
                deleteItem(table, w.key());
            } else {
                putItem(table, w.item());
            }
        }
        return List.of();
    }

    /** CreateBackup: an on-demand backup of the table; its ARN. */
    default String backup(String table, String name) {
        throw new UnsupportedOperationException("this gateway takes no backups");
    }

    /**
     * ExportTableToPointInTime of the table as it is now, DYNAMODB_JSON, into {@code s3://bucket/prefix}; the same
     * {@code clientToken} gives back the same export (DynamoDB keeps tokens for 8 hours). Returns the export's ARN.
     */
    default String startExport(String table, String bucket, String prefix, String clientToken) {
        throw new UnsupportedOperationException("this gateway starts no exports");
    }

    /** DescribeExport: IN_PROGRESS, COMPLETED or FAILED, with the reason of a failure. */
    default ExportState exportState(String exportArn) {
        throw new UnsupportedOperationException("this gateway starts no exports");
    }

    /** Where an export stands. */
    record ExportState(String status, String failure) {}

    /** PutItem: writes (or replaces) one item. */
    void putItem(String table, Map<String, AttributeValue> item);

    /** DeleteItem: removes the item under this key; nothing happens when there is none. */
    void deleteItem(String table, Map<String, AttributeValue> key);

    /** The items (up to 100) the table holds under these keys, strongly consistent. */
    List<Map<String, AttributeValue>> getItems(String table, List<Map<String, AttributeValue>> keys);

    /** A page of items; {@code lastKey} is null after the segment's last page. */
    record ScanPage(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> lastKey, double consumedCapacity) {}

    record WriteResult(List<Map<String, AttributeValue>> unprocessed, double consumedCapacity) {}
}
