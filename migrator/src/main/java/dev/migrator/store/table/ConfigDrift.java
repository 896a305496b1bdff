package dev.migrator.store.table;

import dev.migrator.engine.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stack B's table beside Stack A's: the differences that change behaviour once traffic moves (TTL missing on B
 * keeps items A would expire; an index missing breaks the queries that use it; no point-in-time recovery on B
 * loses the way back). Warnings: the copy itself is not affected, the operator decides.
 */
final class ConfigDrift {
    private ConfigDrift() {}

    static List<Finding> compare(String sourceTable, TableConfig a, String targetTable, TableConfig b) {
        List<Finding> findings = new ArrayList<>();
        if (a.ttlAttribute().isPresent() && !a.ttlAttribute().equals(b.ttlAttribute())) {
            findings.add(Finding.warning("TTL differs: " + sourceTable + " expires items by '" + a.ttlAttribute().get() + "', "
                            + targetTable + (b.ttlAttribute().map(t -> " by '" + t + "'").orElse(" not at all")),
                    "enable TTL on '" + a.ttlAttribute().get() + "' in Stack B (aws dynamodb update-time-to-live), or items A would "
                            + "expire stay in B"));
        }
        if (a.pointInTimeRecovery().orElse(false) && b.pointInTimeRecovery().isPresent() && !b.pointInTimeRecovery().get()) {
            findings.add(Finding.warning("point-in-time recovery is on for " + sourceTable + " but off for " + targetTable,
                    "enable it in Stack B (aws dynamodb update-continuous-backups) before traffic moves"));
        }
        for (Map.Entry<String, List<String>> index : a.globalIndexes().entrySet()) {
            drift(findings, "global secondary index", index.getKey(), index.getValue(), b.globalIndexes(), targetTable);
        }
        for (Map.Entry<String, List<String>> index : a.localIndexes().entrySet()) {
            drift(findings, "local secondary index", index.getKey(), index.getValue(), b.localIndexes(), targetTable);
        }
        if (!a.billingMode().equals(b.billingMode())) {
            findings.add(Finding.info("billing mode: " + sourceTable + " " + a.billingMode() + ", " + targetTable + " " + b.billingMode()));
        }
        if (!a.tableClass().equals(b.tableClass())) {
            findings.add(Finding.info("table class: " + sourceTable + " " + a.tableClass() + ", " + targetTable + " " + b.tableClass()));
        }
        Finding.notAnswered("table settings", a.unanswered(), b.unanswered()).ifPresent(findings::add);
        return findings;
    }

    private static void drift(List<Finding> findings, String kind, String name, List<String> keys, Map<String, List<String>> target,
                              String targetTable) {
        Optional<List<String>> theirs = Optional.ofNullable(target.get(name));
        if (theirs.isEmpty()) {
            findings.add(Finding.warning(kind + " " + name + " " + keys + " is missing on " + targetTable,
                    "add it to Stack B's table, or the queries that use it fail after the switch"));
        } else if (!theirs.get().equals(keys)) {
            findings.add(Finding.warning(kind + " " + name + " has keys " + keys + " on the source but " + theirs.get() + " on "
                    + targetTable, "give Stack B's index the source's key schema"));
        }
    }
}
