package dev.migrator.store.table;

import dev.migrator.model.CatchUp;

import dev.migrator.engine.Finding;
import dev.migrator.engine.ResourceState;
import dev.migrator.model.NonEmptyTargetPolicy;
import dev.migrator.model.TablePair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What preflight says about one side of a table pair: it exists (in which region), the target is ACTIVE
 * and empty, holds only its declared seeded items, or may be written over as the pair allows.
 */
final class TablePreflight {
    /** How many target keys preflight reads to tell "only seeded keys" from "holds data". */
    static final int TARGET_KEY_PROBE = 101;
    private static final int KEYS_SHOWN = 5;

    private final TablePair pair;
    private final TableGateway target;

    TablePreflight(TablePair pair, TableGateway target) {
        this.pair = pair;
        this.target = target;
    }

    ResourceState source(Optional<TableInfo> info, String region, List<Finding> findings) {
        if (info.isEmpty()) {
            findings.add(Finding.error("source table " + pair.source() + " does not exist in " + region,
                    "check the name at " + pair.at().source() + " and the source stack's region and account"));
            return ResourceState.missing(ResourceState.Side.SOURCE, pair.source());
        }
        if (pair.catchUp() == CatchUp.STREAM) {
            streamFinding(info.get(), region).ifPresent(findings::add);
        }
        return new ResourceState(ResourceState.Side.SOURCE, pair.source(), true,
                Optional.of(info.get().approximateItemCount() == 0), Optional.of(info.get().approximateItemCount()),
                true, List.of(), details(info.get()));
    }

    /**
     * Catching up needs the source's stream with new images; with transforms also the old ones (they may make
     * the target key from other attributes, and a REMOVE carries only the source key). Never enabled here:
     * the fix is the command for the operator to run on Stack A.
     */
    private Optional<Finding> streamFinding(TableInfo info, String region) {
        boolean needsOld = !pair.transforms().isEmpty();
        boolean fits = needsOld ? info.streamEnabled() && "NEW_AND_OLD_IMAGES".equals(info.streamViewType()) : info.streamHasNewImages();
        if (fits) {
            return Optional.empty();
        }
        String view = needsOld ? "NEW_AND_OLD_IMAGES" : "NEW_IMAGE or NEW_AND_OLD_IMAGES";
        String enable = "aws dynamodb update-table --table-name " + info.name() + " --region " + region
                + " --stream-specification StreamEnabled=true,StreamViewType=" + (needsOld ? "NEW_AND_OLD_IMAGES" : "NEW_IMAGE");
        return Optional.of(Finding.error("source table " + info.name() + " has " + (info.streamEnabled()
                        ? "a stream of " + info.streamViewType() : "no stream") + "; catchUp \"stream\" at " + pair.at().pair()
                        + " needs one with " + view + (needsOld ? " (its transforms may build the target key from other attributes, "
                        + "and a REMOVE record carries only the source key)" : ""),
                (info.streamEnabled() ? "a stream's view type cannot be changed: disable it (StreamEnabled=false), then " : "")
                        + "enable it on Stack A before the copy (migrator never changes Stack A): " + enable));
    }

    ResourceState target(Optional<TableInfo> info, String region, List<Finding> findings) {
        if (info.isEmpty()) {
            findings.add(Finding.error("target table " + pair.target() + " does not exist in " + region,
                    "deploy Stack B first, or fix the name at " + pair.at().target()));
            return ResourceState.missing(ResourceState.Side.TARGET, pair.target());
        }
        TableInfo table = info.get();
        if (!table.isActive()) {
            findings.add(Finding.error("target table " + table.name() + " is " + table.status() + ", not ACTIVE",
                    "wait until the table is ACTIVE, then run again"));
        }
        List<Map<String, String>> keys = target.firstKeys(table.name(), table.keyNames(), TARGET_KEY_PROBE);
        boolean empty = keys.isEmpty();
        if (!empty) {
            findings.add(nonEmpty(table, keys));
        }
        boolean exact = keys.size() < TARGET_KEY_PROBE;
        return new ResourceState(ResourceState.Side.TARGET, table.name(), true, Optional.of(empty),
                Optional.of(exact ? keys.size() : table.approximateItemCount()), !exact,
                keys.stream().limit(KEYS_SHOWN).map(Object::toString).toList(), details(table));
    }

    private Finding nonEmpty(TableInfo info, List<Map<String, String>> keys) {
        String count = keys.size() < TARGET_KEY_PROBE ? String.valueOf(keys.size()) : "more than " + (TARGET_KEY_PROBE - 1);
        List<Map<String, String>> unexpected = keys.stream()
                .filter(k -> pair.seededKeys().stream().noneMatch(s -> s.matches(k))).toList();
        if (pair.ifTargetNotEmpty() == NonEmptyTargetPolicy.OVERWRITE) {
            return Finding.warning("target table " + info.name() + " holds " + count + " items; ifTargetNotEmpty is overwrite, so items with the same key are replaced", "");
        }
        if (pair.ifTargetNotEmpty() == NonEmptyTargetPolicy.SKIP_EXISTING) {
            return Finding.info("target table " + info.name() + " holds " + count + " items; items already there are kept (skip-existing)");
        }
        if (unexpected.isEmpty() && keys.size() < TARGET_KEY_PROBE) {
            return Finding.info("target table " + info.name() + " holds only its " + keys.size() + " declared seeded item(s)");
        }
        return Finding.error("target table " + info.name() + " is not empty: it holds " + count + " item(s)"
                        + (pair.seededKeys().isEmpty() ? "" : ", " + unexpected.size() + " of them not declared seeded")
                        + "; first keys: " + unexpected.stream().limit(KEYS_SHOWN).toList(),
                "point the target at a fresh Stack B table, or set \"ifTargetNotEmpty\": \"overwrite\" or \"skip-existing\" "
                        + "at " + pair.at().pair() + ", or list the keys Stack B seeds under \"seededKeys\"");
    }

    private static Map<String, String> details(TableInfo info) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("status", info.status());
        details.put("key", info.keySchema().toString());
        details.put("billing", info.billingMode());
        details.put("sizeBytes", String.valueOf(info.sizeBytes()));
        if (!info.globalIndexes().isEmpty()) {
            details.put("gsi", String.join(", ", info.globalIndexes().keySet()));
        }
        details.put("stream", info.streamEnabled() ? "enabled" : "disabled");
        return details;
    }
}
