package dev.migrator.store.bucket;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Buckets and objects for the copy tests, and what a copy must keep of them. */
final class BucketFixtures {
    private BucketFixtures() {}

    static void create(S3Client s3, String bucket, boolean versioned) {
        s3.createBucket(r -> r.bucket(bucket));
        if (versioned) {
            s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
        }
    }

    static String put(S3Client s3, String bucket, String key, byte[] body) {
        return s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(body)).versionId();
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Every key's size and MD5 of its content, read back through GetObject. */
    static Map<String, String> contents(S3Client s3, String bucket) throws Exception {
        Map<String, String> all = new TreeMap<>();
        for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
            all.put(o.key(), o.size() + ":" + md5(s3.getObjectAsBytes(r -> r.bucket(bucket).key(o.key())).asByteArray()));
        }
        return all;
    }

    static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    /** The headers and user metadata a copy keeps, as one comparable map. */
    static Map<String, String> attributes(HeadObjectResponse h) {
        Map<String, String> a = new TreeMap<>(h.metadata());
        a.remove(ObjectAttributes.SOURCE_ETAG);
        a.put("Content-Type", String.valueOf(h.contentType()));
        a.put("Content-Encoding", String.valueOf(h.contentEncoding()));
        a.put("Content-Language", String.valueOf(h.contentLanguage()));
        a.put("Content-Disposition", String.valueOf(h.contentDisposition()));
        a.put("Cache-Control", String.valueOf(h.cacheControl()));
        a.put("Expires", String.valueOf(h.expires()));
        return a;
    }
}
