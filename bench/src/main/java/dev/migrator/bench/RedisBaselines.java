package dev.migrator.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.MigrateParams;
import redis.clients.jedis.params.RestoreParams;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The bare Redis copies migrator is measured against, on Jedis: SCAN pages feeding C threads that each pipeline a
 * page's DUMP + PTTL, then its RESTOREs (what a careful hand-written copy does); MIGRATE COPY REPLACE KEYS of each
 * page (the server sends the keys to the target itself); and the sequential loop, one key at a time.
 */
final class RedisBaselines {
    private static final int PAGE = 500;

    private RedisBaselines() {}

    static long pipelined(HostAndPort source, HostAndPort target, int threads) throws Exception {
        try (JedisPool from = new JedisPool(source.getHost(), source.getPort()); JedisPool to = new JedisPool(target.getHost(), target.getPort())) {
            return pages(from, threads, keys -> {
                List<Response<byte[]>> dumps = new ArrayList<>();
                List<Response<Long>> ttls = new ArrayList<>();
                try (Jedis j = from.getResource(); Pipeline p = j.pipelined()) {
                    keys.forEach(k -> {
                        dumps.add(p.dump(k));
                        ttls.add(p.pttl(k));
                    });
                    p.sync();
                }
                try (Jedis j = to.getResource(); Pipeline p = j.pipelined()) {
                    for (int i = 0; i < keys.size(); i++) {
                        long ttl = ttls.get(i).get();
                        p.restore(keys.get(i), ttl > 0 ? ttl : 0, dumps.get(i).get(), RestoreParams.restoreParams().replace());
                    }
                    p.sync();
                }
            });
        }
    }

    /** MIGRATE of each page to {@code target} as the source server sees it (through the link). */
    static long migrate(HostAndPort source, HostAndPort target, int threads) throws Exception {
        try (JedisPool from = new JedisPool(source.getHost(), source.getPort())) {
            return pages(from, threads, keys -> {
                try (Jedis j = from.getResource()) {
                    j.migrate(target.getHost(), target.getPort(), 60_000, MigrateParams.migrateParams().copy().replace(),
                            keys.toArray(new byte[0][]));
                }
            });
        }
    }

    static long sequential(HostAndPort source, HostAndPort target, int limit) {
        long copied = 0;
        try (Jedis from = new Jedis(source); Jedis to = new Jedis(target)) {
            String cursor = "0";
            do {
                ScanResult<byte[]> page = from.scan(cursor.getBytes(StandardCharsets.US_ASCII), new ScanParams().count(PAGE));
                for (byte[] key : page.getResult()) {
                    if (copied >= limit) {
                        return copied;
                    }
                    byte[] payload = from.dump(key);
                    long ttl = from.pttl(key);
                    to.restore(key, ttl > 0 ? ttl : 0, payload, RestoreParams.restoreParams().replace());
                    copied++;
                }
                cursor = page.getCursor();
            } while (!"0".equals(cursor));
        }
        return copied;
    }

    private interface PageCopy {
        void copy(List<byte[]> keys) throws Exception;
    }

    private static long pages(JedisPool source, int threads, PageCopy copy) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Semaphore waiting = new Semaphore(2 * threads);
        AtomicLong copied = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        try (Jedis scanner = source.getResource()) {
            String cursor = "0";
            do {
                ScanResult<byte[]> page = scanner.scan(cursor.getBytes(StandardCharsets.US_ASCII), new ScanParams().count(PAGE));
                List<byte[]> keys = page.getResult();
                waiting.acquire();
                futures.add(pool.submit(() -> {
                    try {
                        if (!keys.isEmpty()) {
                            copy.copy(keys);
                        }
                        copied.addAndGet(keys.size());
                        return null;
                    } finally {
                        waiting.release();
                    }
                }));
                cursor = page.getCursor();
            } while (!"0".equals(cursor));
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return copied.get();
    }
}
