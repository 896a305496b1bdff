package dev.migrator.bench;

import java.net.URI;
import redis.clients.jedis.HostAndPort;

/**
 * The bare baselines, each run as its own process by the benchmark so its CPU is measured like every other
 * contender's: {@code java -cp migrator-bench.jar dev.migrator.bench.Peer KIND ENDPOINT SOURCE TARGET N}, where N is
 * the concurrency (or, for the sequential loops, how many units to copy); Redis peers take host:port as SOURCE and TARGET. The last line says how many were copied.
 */
public final class Peer {
    private Peer() {}

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        URI endpoint = URI.create(args[1]);
        String source = args[2];
        String target = args[3];
        int n = Integer.parseInt(args[4]);
        long copied = switch (kind) {
            case "table-pipelined" -> new Baselines(endpoint, n).pipelinedCopy(source, target, 8);
            case "table-two-phase" -> new Baselines(endpoint, n).twoPhaseCopy(source, target, 8);
            case "table-sequential" -> new Baselines(endpoint, 1).sequentialCopy(source, target, n);
            case "s3-parallel" -> s3(endpoint, b -> b.parallelCopy(source, target, n));
            case "s3-sequential" -> s3(endpoint, b -> b.sequentialCopy(source, target, n));
            case "s3-single" -> s3(endpoint, b -> b.singleCopy(source, target, args[5]));
            case "redis-pipelined" -> RedisBaselines.pipelined(HostAndPort.from(source), HostAndPort.from(target), n);
            case "redis-migrate" -> RedisBaselines.migrate(HostAndPort.from(source), HostAndPort.from(target), n);
            case "redis-sequential" -> RedisBaselines.sequential(HostAndPort.from(source), HostAndPort.from(target), n);
            default -> throw new IllegalArgumentException("unknown peer " + kind);
        };
        System.out.println("copied " + copied);
        System.exit(0);
    }

    private interface S3Work {
        int run(S3Baselines bare) throws Exception;
    }

    private static long s3(URI endpoint, S3Work work) throws Exception {
        try (S3Baselines bare = new S3Baselines(endpoint)) {
            return work.run(bare);
        }
    }
}
