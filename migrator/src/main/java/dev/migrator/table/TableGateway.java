package dev.migrator.table;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the table steps need of DynamoDB, in our own terms (no SDK types). */
public interface TableGateway {

    /** The table's description, or empty if it does not exist. */
    Optional<TableInfo> describe(String table);

    /** Up to {@code limit} keys of the table, each as attribute name to string form of the value. */
    List<Map<String, String>> firstKeys(String table, List<String> keyAttributes, int limit);
}
