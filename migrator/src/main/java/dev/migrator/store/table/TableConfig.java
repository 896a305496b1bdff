package dev.migrator.store.table;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What of a table's configuration changes its behaviour after a cut-over: TTL, point-in-time recovery,
 * billing mode, table class, and the key schemas of its indexes. An empty Optional is a setting the service
 * would not tell (DynamoDB Local has no continuous backups, for one).
 */
public record TableConfig(Optional<String> ttlAttribute, Optional<Boolean> pointInTimeRecovery, String billingMode,
                          String tableClass, Map<String, List<String>> globalIndexes, Map<String, List<String>> localIndexes,
                          List<String> unanswered) {
    public TableConfig {
        globalIndexes = Map.copyOf(globalIndexes);
        localIndexes = Map.copyOf(localIndexes);
        unanswered = List.copyOf(unanswered);
    }
}
