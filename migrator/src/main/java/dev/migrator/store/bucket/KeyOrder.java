package dev.migrator.store.bucket;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/** S3's listing order: keys compared as UTF-8 bytes (Java's String order differs beyond the BMP). */
final class KeyOrder {
    static final Comparator<String> UTF8 = (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
            b.getBytes(StandardCharsets.UTF_8));

    private KeyOrder() {}
}
