package dev.migrator.store.redis;

import dev.migrator.engine.Finding;
import dev.migrator.engine.ResourceState;
import dev.migrator.model.CatchUp;
import dev.migrator.model.NonEmptyTargetPolicy;
import dev.migrator.model.RedisPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What preflight checks of a Redis pair, reading only: both servers answer with the given credentials; each runs in
 * the mode its endpoint says, a cluster serving every slot; the target holds none of the keys the pair selects (or the policy allows it); how values will
 * move (DUMP + RESTORE where allowed and the RDB versions agree, else per type, said in the plan); memory headroom on
 * the target; keyspace notifications on the source where the pair follows them.
 */
final class RedisPreflight {
    private static final int KEYS_SHOWN = 5;
    private final RedisPair pair;
    private final KeyPatterns patterns;

    RedisPreflight(RedisPair pair, KeyPatterns patterns) {
        this.pair = pair;
        this.patterns = patterns;
    }

    /** How values move between these two servers, and why when it is not DUMP + RESTORE. */
    record Method(boolean dump, Optional<String> fallback, Optional<String> refusal) {}

    Method method(RedisInfo source, RedisInfo target) {
        List<String> against = new ArrayList<>();
        if (!source.dumpAllowed()) {
            against.add("the source refuses DUMP (renamed or denied to this user)");
        }
        if (!target.restoreAllowed()) {
            against.add("the target refuses RESTORE (renamed or denied to this user)");
        }
        RdbVersions.incompatibility(source, target).ifPresent(against::add);
        if (pair.method() == RedisPair.Method.TYPED) {
            return new Method(false, Optional.of("\"method\": \"typed\" asks for it"), Optional.empty());
        }
        if (against.isEmpty()) {
            return new Method(true, Optional.empty(), Optional.empty());
        }
        String why = String.join("; ", against);
        return pair.method() == RedisPair.Method.DUMP ? new Method(true, Optional.empty(), Optional.of(why))
                : new Method(false, Optional.of(why), Optional.empty());
    }

    ResourceState look(ResourceState.Side side, RedisGateway gateway, String name, RedisInfo info, List<Finding> findings) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("server", info.describe() + " (" + info.mode() + ")");
        if (info.cluster()) {
            details.put("cluster", info.slots().primaries() + " primaries, state " + info.slots().state());
        }
        details.put("memory", mib(info.usedMemory()) + " used" + (info.maxMemory() > 0 ? " of maxmemory " + mib(info.maxMemory()) : ", no maxmemory"));
        cluster(side, name, info).ifPresent(findings::add);
        if (side == ResourceState.Side.SOURCE) {
            info.notifyKeyspaceEvents().ifPresent(n -> details.put("notify-keyspace-events", n.isEmpty() ? "(off)" : n));
            return new ResourceState(side, name, true, Optional.of(info.keys() == 0), Optional.of(info.keys()), !patterns.selectsAll(),
                    List.of(), details);
        }
        List<String> held = selectedKeys(gateway);
        if (!held.isEmpty()) {
            findings.add(nonEmpty(name, held));
        }
        return new ResourceState(side, name, true, Optional.of(held.isEmpty()), Optional.of(info.keys()), false,
                held.stream().limit(KEYS_SHOWN).toList(), details);
    }

    /** A cluster the endpoint does not say it is (or the reverse), or a cluster with slots nobody serves. */
    private Optional<Finding> cluster(ResourceState.Side side, String name, RedisInfo info) {
        String at = (side == ResourceState.Side.SOURCE ? pair.source() : pair.target()).pointer();
        boolean said = (side == ResourceState.Side.SOURCE ? pair.source() : pair.target()).cluster();
        String which = side.name().toLowerCase() + " Redis " + name;
        if (info.cluster() && !said) {
            return Optional.of(Finding.error(which + " runs in cluster mode", "set \"cluster\": true at " + at));
        }
        if (!info.cluster() && said) {
            return Optional.of(Finding.error(which + " does not run in cluster mode", "set \"cluster\": false at " + at));
        }
        if (info.cluster() && (!"ok".equals(info.slots().state()) || info.slots().slotsAssigned() < RedisInfo.SLOTS)) {
            return Optional.of(Finding.error(which + " is not serving every slot: cluster_state " + info.slots().state() + ", "
                    + info.slots().slotsAssigned() + " of " + RedisInfo.SLOTS + " slots assigned",
                    "wait until the cluster is healthy (CLUSTER INFO: cluster_state:ok) and every slot has a primary"));
        }
        return Optional.empty();
    }

    void compare(RedisInfo source, RedisInfo target, List<Finding> findings) {
        Method method = method(source, target);
        method.refusal().ifPresent(why -> findings.add(Finding.error("DUMP + RESTORE cannot copy this pair: " + why,
                "set \"method\": \"typed\" (or \"auto\") at " + pair.at().pair() + ", or give the user the commands it lacks")));
        method.fallback().ifPresent(why -> findings.add(Finding.info("keys are copied per type, not by DUMP + RESTORE: " + why
                + "; stream consumer groups and module types (such as ReJSON) are not copied this way")));
        memory(source, target, findings);
        if (pair.catchUp() == CatchUp.NOTIFICATIONS) {
            notifications(source, findings);
        }
    }

    private void memory(RedisInfo source, RedisInfo target, List<Finding> findings) {
        long limit = target.maxMemory() > 0 ? target.maxMemory() : target.systemMemory();
        long needed = source.datasetMemory() > 0 ? source.datasetMemory() : source.usedMemory();
        if (limit <= 0) {
            findings.add(Finding.info("the target's memory limit is unknown: headroom not checked"));
            return;
        }
        long free = limit - target.usedMemory();
        if (needed > free) {
            String message = "the source's data takes about " + mib(needed) + " but the target has " + mib(Math.max(0, free)) + " free ("
                    + (target.maxMemory() > 0 ? "maxmemory " : "system memory ") + mib(limit) + ")";
            if (patterns.selectsAll()) {
                findings.add(Finding.error(message, "give the target a larger node type or maxmemory before the copy"));
            } else {
                findings.add(Finding.warning(message + "; only the keys the patterns select are copied", ""));
            }
        }
    }

    private void notifications(RedisInfo source, List<Finding> findings) {
        Optional<String> events = source.notifyKeyspaceEvents();
        String fix = "enable them on the source: CONFIG SET notify-keyspace-events KA (ElastiCache: the parameter group's "
                + "notify-keyspace-events), or use \"catchUp\": \"delta\"";
        if (events.isEmpty()) {
            findings.add(Finding.warning("could not read the source's notify-keyspace-events (CONFIG is denied): keyspace "
                    + "notifications must include K and A for catch-up", fix));
        } else if (!(events.get().contains("K") && (events.get().contains("A") || events.get().chars().filter(c -> "g$lshzxe".indexOf(c) >= 0).count() >= 8))) {
            findings.add(Finding.error("the source sends no keyspace notifications for every change (notify-keyspace-events is \""
                    + events.get() + "\"), so catch-up would miss writes", fix));
        }
    }

    /** Up to a few selected keys the target holds: the scan ends at the first few or at the end of the database. */
    private List<String> selectedKeys(RedisGateway gateway) {
        List<String> found = new ArrayList<>();
        String cursor = "0";
        do {
            RedisGateway.ScanPage page = gateway.scan(cursor, patterns.serverMatch(), ScanPages.COUNT);
            page.keys().stream().filter(patterns::selects).limit(KEYS_SHOWN - found.size()).map(KeyText::show).forEach(found::add);
            cursor = page.cursor();
        } while (!"0".equals(cursor) && found.size() < KEYS_SHOWN);
        return found;
    }

    private Finding nonEmpty(String name, List<String> held) {
        String count = held.size() >= KEYS_SHOWN ? "at least " + held.size() : String.valueOf(held.size());
        if (pair.ifTargetNotEmpty() == NonEmptyTargetPolicy.OVERWRITE) {
            return Finding.warning("target Redis " + name + " holds " + count + " of the keys this pair copies; keys with the same name are replaced", "");
        }
        if (pair.ifTargetNotEmpty() == NonEmptyTargetPolicy.SKIP_EXISTING) {
            return Finding.info("target Redis " + name + " holds " + count + " of the keys this pair copies; keys already there are left as they are");
        }
        return Finding.error("target Redis " + name + " is not empty: it holds " + count + " key(s) this pair would copy; first keys: " + held,
                "point the target at Stack B's fresh Redis (or another database index), or set \"ifTargetNotEmpty\": "
                        + "\"skip-existing\" or \"overwrite\" at " + pair.at().pair());
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
