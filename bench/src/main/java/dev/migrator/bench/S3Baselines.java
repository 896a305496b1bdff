package dev.migrator.bench;

import dev.migrator.local.LocalEmulators;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Bare S3 loops the benchmark fills buckets with and measures migrator against. */
final class S3Baselines implements AutoCloseable, Targets {
    private final S3Client s3;

    S3Baselines(URI endpoint) {
        s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(endpoint).forcePathStyle(true)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(32))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalEmulators.ACCESS_KEY, LocalEmulators.SECRET_KEY))).build();
    }

    @Override
    public void create(String bucket) {
        s3.createBucket(r -> r.bucket(bucket));
    }

    /** {@code count} objects of {@code bytes} random bytes under a few prefixes, written by 16 threads. */
    void fill(String bucket, int count, int bytes) throws Exception {
        create(bucket);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                puts.add(pool.submit(() -> {
                    byte[] body = new byte[bytes];
                    new Random(n).nextBytes(body);
                    s3.putObject(r -> r.bucket(bucket).key("assets/" + (n % 50) + "/object-" + n + ".bin"), RequestBody.fromBytes(body));
                }));
            }
            for (Future<?> f : puts) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    void fillLarge(String bucket, String key, long size) {
        create(bucket);
        byte[] body = new byte[Math.toIntExact(size)];
        new Random(1).nextBytes(body);
        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(body));
    }

    @Override
    public long count(String bucket) {
        return eachPart(bucket, keys -> { });
    }

    /**
     * Hands each page of a bucket's keys to {@code pages} (up to four listings at once), returns how many there were.
     * The keys under each second-level prefix ({@code assets/7/}) are listed on their own: S3Proxy walks everything
     * under a request's prefix for every page, so listing a million-key bucket as one took a walk of the whole bucket
     * per 1,000 keys, and the benchmark's count and clean-up after a million-object copy had not ended minutes later.
     */
    private long eachPart(String bucket, java.util.function.Consumer<List<String>> pages) {
        long counted = 0;
        List<String> levels = new ArrayList<>(List.of(""));
        for (int depth = 0; depth < 2; depth++) {
            List<String> next = new ArrayList<>();
            for (String prefix : levels) {
                for (var page : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix).delimiter("/"))) {
                    counted += handOut(page, pages);
                    page.commonPrefixes().forEach(p -> next.add(p.prefix()));
                }
            }
            levels = next;
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (String leaf : levels) {
                parts.add(pool.submit(() -> {
                    long n = 0;
                    for (var page : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(leaf))) {
                        n += handOut(page, pages);
                    }
                    return n;
                }));
            }
            for (Future<Long> part : parts) {
                counted += part.get();
            }
            return counted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted listing " + bucket, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("listing " + bucket + " failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A page's keys to {@code pages}, unless it has none; how many it had. */
    private static long handOut(software.amazon.awssdk.services.s3.model.ListObjectsV2Response page,
                                java.util.function.Consumer<List<String>> pages) {
        List<String> keys = page.contents().stream().map(S3Object::key).toList();
        if (!keys.isEmpty()) {
            pages.accept(keys);
        }
        return keys.size();
    }

    /** Deletes a bucket's objects and the bucket, so the in-memory emulator gives the memory back. */
    @Override
    public void drop(String bucket) {
        eachPart(bucket, keys -> {
            List<ObjectIdentifier> ids = keys.stream().map(k -> ObjectIdentifier.builder().key(k).build()).toList();
            s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(ids).quiet(true)));
        });
        s3.deleteBucket(r -> r.bucket(bucket));
    }

    /** The VAMS script's way: list, then one CopyObject after another. */
    int sequentialCopy(String source, String target, int limit) {
        int copied = 0;
        for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(source)).contents()) {
            if (copied == limit) {
                break;
            }
            s3.copyObject(r -> r.sourceBucket(source).sourceKey(o.key()).destinationBucket(target).destinationKey(o.key()));
            copied++;
        }
        return copied;
    }

    /** The emulator's ceiling: the listed keys copied by {@code threads} threads with nothing else done. */
    int parallelCopy(String source, String target, int threads) throws Exception {
        List<String> keys = s3.listObjectsV2Paginator(r -> r.bucket(source)).contents().stream().map(S3Object::key).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> copies = new ArrayList<>();
            for (String key : keys) {
                copies.add(pool.submit(() -> s3.copyObject(r -> r.sourceBucket(source).sourceKey(key)
                        .destinationBucket(target).destinationKey(key))));
            }
            for (Future<?> f : copies) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return keys.size();
    }

    /**
     * One untimed multipart copy of {@code key} (16 MiB parts, 8 at a time), dropped after: S3Proxy's first multipart
     * copy of a large object is several times slower than the next, whichever tool makes it.
     */
    void warmUpMultipart(String source, String key, long size) throws Exception {
        String target = "large-warm-up";
        create(target);
        String upload = s3.createMultipartUpload(r -> r.bucket(target).key(key)).uploadId();
        long part = 16L << 20;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CompletedPart>> parts = new ArrayList<>();
            for (int n = 1; (long) (n - 1) * part < size; n++) {
                int number = n;
                String range = "bytes=" + (number - 1) * part + "-" + (Math.min(size, number * part) - 1);
                parts.add(pool.submit(() -> CompletedPart.builder().partNumber(number).eTag(s3.uploadPartCopy(r -> r
                        .sourceBucket(source).sourceKey(key).destinationBucket(target).destinationKey(key).uploadId(upload)
                        .partNumber(number).copySourceRange(range)).copyPartResult().eTag()).build()));
            }
            List<CompletedPart> done = new ArrayList<>();
            for (Future<CompletedPart> f : parts) {
                done.add(f.get());
            }
            s3.completeMultipartUpload(r -> r.bucket(target).key(key).uploadId(upload).multipartUpload(m -> m.parts(done)));
        } finally {
            pool.shutdown();
        }
        drop(target);
    }

    int singleCopy(String source, String target, String key) {
        s3.copyObject(r -> r.sourceBucket(source).sourceKey(key).destinationBucket(target).destinationKey(key));
        return 1;
    }

    @Override
    public void close() {
        s3.close();
    }
}
