package dev.migrator.model;

import java.time.Duration;
import java.util.List;

/**
 * One Redis database to copy from a source server into a target server. Keys are chosen by Redis glob
 * patterns ({@code include}, then {@code exclude}); with {@code keepTtl} each key keeps its remaining time to live.
 */
public record RedisPair(
        String name,
        RedisEndpoint source,
        RedisEndpoint target,
        List<String> include,
        List<String> exclude,
        NonEmptyTargetPolicy ifTargetNotEmpty,
        boolean keepTtl,
        Method method,
        CatchUp catchUp,
        Duration ttlTolerance,
        PairLocation at) {

    public static final Duration DEFAULT_TTL_TOLERANCE = Duration.ofSeconds(5);

    public RedisPair {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /** The same pair with another policy for a non-empty target (a resumed run finds its own keys there). */
    public RedisPair withIfTargetNotEmpty(NonEmptyTargetPolicy policy) {
        return new RedisPair(name, source, target, include, exclude, policy, keepTtl, method, catchUp, ttlTolerance, at);
    }

    /**
     * How values move: DUMP on the source and RESTORE on the target (every type byte-exact, the default where
     * both servers allow it), or reads and writes per type where a managed service forbids DUMP or RESTORE.
     * AUTO takes DUMP where allowed and says in the plan when it falls back.
     */
    public enum Method {
        AUTO("auto"), DUMP("dump"), TYPED("typed");

        private final String json;

        Method(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }

        public static Method of(String json) {
            for (Method m : values()) {
                if (m.json.equals(json)) {
                    return m;
                }
            }
            return AUTO;
        }
    }
}
