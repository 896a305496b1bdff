package dev.migrator.support.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bucket sums do not depend on order, see any change, and the spill names every unit of differing buckets. */
class DigestTest {

    @Test
    void sumsCarryAcross64BitsAndWrapAt128() {
        Digest max = new Digest(-1L, -1L);
        assertThat(new Digest(0, -1L).plus(new Digest(0, 1))).isEqualTo(new Digest(1, 0));
        assertThat(max.plus(new Digest(0, 1))).isEqualTo(Digest.ZERO);
    }

    @Test
    void bucketsAreEqualWhateverTheOrderAndDifferWhereOneUnitChanged() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            keys.add("key-" + i);
        }
        DigestBuckets forward = fill(keys, "");
        List<String> shuffled = new ArrayList<>(keys);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(forward.differing(fill(shuffled, "")).isEmpty()).isTrue();

        DigestBuckets changed = fill(keys, "key-1234");
        assertThat(forward.differing(changed).stream().boxed().toList()).containsExactly(forward.bucketOf("key-1234"));

        DigestBuckets oneLess = fill(keys.subList(1, keys.size()), "");
        assertThat(forward.differing(oneLess).cardinality()).isEqualTo(1);
        assertThat(forward.countIn(forward.differing(oneLess))).isEqualTo(forward.count(forward.bucketOf("key-0")));
    }

    @Test
    void bucketOfAKeyIsTheSameInEveryProcess() {
        assertThat(new DigestBuckets(4096).bucketOf("{pk=item-7}")).isEqualTo(new DigestBuckets(4096).bucketOf("{pk=item-7}"))
                .isBetween(0, 4095);
    }

    @Test
    void spillNamesMissingExtraDifferentAndDuplicatesAcrossPartitionsThenLeavesNothingBehind(@TempDir Path dir) throws Exception {
        List<String> found = Collections.synchronizedList(new ArrayList<>());
        Path parent = dir.resolve("verify");
        try (DigestSpill spill = DigestSpill.open(parent, 1_000, 10)) {
            for (int i = 0; i < 1_000; i++) {
                String key = "k" + i;
                int bucket = i % 64;
                if (i != 3) {
                    spill.write(DigestSpill.Side.SOURCE, bucket, key, digest(key), new byte[] {1});
                }
                if (i != 4) {
                    spill.write(DigestSpill.Side.TARGET, bucket, key, digest(i == 5 ? "changed" : key), new byte[] {2});
                }
            }
            spill.write(DigestSpill.Side.SOURCE, 6, "k6", digest("k6"), new byte[0]);
            try (Stream<Path> files = Files.list(parent)) {
                Path folder = files.findFirst().orElseThrow();
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
            }
            spill.compare(new DigestSpill.Outcomes() {
                @Override
                public void matched(String key) {}

                @Override
                public void missing(String key) {
                    found.add("missing " + key);
                }

                @Override
                public void extra(String key) {
                    found.add("extra " + key);
                }

                @Override
                public void different(String key, byte[] expectedDetail, byte[] actualDetail) {
                    found.add("different " + key + " " + expectedDetail[0] + "->" + actualDetail[0]);
                }

                @Override
                public void duplicate(String key) {
                    found.add("duplicate " + key);
                }
            });
        }
        assertThat(found).containsExactlyInAnyOrder("extra k3", "missing k4", "different k5 1->2", "duplicate k6");
        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).isEmpty();
        }
    }

    private static DigestBuckets fill(List<String> keys, String changed) {
        DigestBuckets buckets = new DigestBuckets(DigestBuckets.DEFAULT_SIZE);
        keys.forEach(k -> buckets.add(buckets.bucketOf(k), digest(k.equals(changed) ? k + "!" : k)));
        return buckets;
    }

    private static Digest digest(String text) {
        return Digest.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
