package dev.migrator.store.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.engine.ProgressListener;
import dev.migrator.engine.StepId;
import dev.migrator.engine.Verification;
import dev.migrator.model.SeededKey;
import dev.migrator.support.Backoff;
import dev.migrator.support.RetryPolicy;
import dev.migrator.transform.ItemTransformer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A full table verification by digests: each item read once per side when the tables match, nothing fetched
 * item by item; when they differ, the same missing, extra and different items named as before.
 */
class DigestVerifyTest {
    private static final StepId ID = new StepId(TableModule.KIND, "t", "/tables/0");
    private final InMemoryTableGateway source = new InMemoryTableGateway().create("src");
    private final InMemoryTableGateway target = new InMemoryTableGateway().create("dst");

    @Test
    void equalTablesAreVerifiedReadingEachItemOncePerSide(@TempDir Path dir) throws Exception {
        seed(5_000);

        Verification v = verify(dir, List.of(), 100);

        assertThat(v.verdict()).isEqualTo(Verification.Verdict.VERIFIED);
        assertThat(List.of(v.sourceCount(), v.targetCount(), v.checked(), v.matched())).containsOnly(5_000L);
        assertThat(source.itemsScanned.get()).as("source items read").isEqualTo(5_000);
        assertThat(target.itemsScanned.get()).as("target items read").isEqualTo(5_000);
        assertThat(target.itemsFetched.get()).as("items fetched one key at a time").isZero();
    }

    @Test
    void differencesAreNamedAsBeforeAcrossManySpillPartitionsAndTheSpillIsRemoved(@TempDir Path dir) throws Exception {
        seed(5_000);
        target.deleteItem("dst", Map.of("pk", AttributeValue.fromS("item-7")));
        target.deleteItem("dst", Map.of("pk", AttributeValue.fromS("item-4000")));
        target.put("dst", Map.of("pk", AttributeValue.fromS("stray"), "n", AttributeValue.fromN("1")));
        target.put("dst", Map.of("pk", AttributeValue.fromS("item-8"), "n", AttributeValue.fromN("9")));
        target.put("dst", Map.of("pk", AttributeValue.fromS("item-9"), "n", AttributeValue.fromN("9.0"),
                "tags", AttributeValue.fromL(List.of(AttributeValue.fromS("b"), AttributeValue.fromS("a")))));

        Verification v = verify(dir, List.of(), 2);

        assertThat(v.verdict()).isEqualTo(Verification.Verdict.MISMATCH);
        assertThat(List.of(v.missing(), v.extra(), v.different(), v.matched())).containsExactly(2L, 1L, 2L, 4_996L);
        assertThat(v.examples()).contains("missing: {pk=item-7}", "missing: {pk=item-4000}", "extra: {pk=stray}",
                "different: {pk=item-8}: n (N) differs; tags (SS) only in the source", "different: {pk=item-9}: tags: SS became L");
        assertThat(source.itemsScanned.get()).as("source read twice: the second pass keeps the differing buckets only")
                .isEqualTo(10_000);
        try (Stream<Path> left = Files.list(dir.resolve("verify"))) {
            assertThat(left).as("spill files left behind").isEmpty();
        }
    }

    @Test
    void numbersAndSetsCompareByValueNotByText(@TempDir Path dir) throws Exception {
        source.put("src", Map.of("pk", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1.50"), "s", AttributeValue.fromSs(List.of("x", "y"))));
        target.put("dst", Map.of("pk", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1.5"), "s", AttributeValue.fromSs(List.of("y", "x"))));

        assertThat(verify(dir, List.of(), 100).verdict()).isEqualTo(Verification.Verdict.VERIFIED);
    }

    @Test
    void seededTargetItemsAreIgnoredUnlessTheSourceHasThemToo(@TempDir Path dir) throws Exception {
        seed(100);
        target.put("dst", Map.of("pk", AttributeValue.fromS("admin-role"), "n", AttributeValue.fromN("1")));
        source.put("src", Map.of("pk", AttributeValue.fromS("admin-shared"), "n", AttributeValue.fromN("1")));
        target.put("dst", Map.of("pk", AttributeValue.fromS("admin-shared"), "n", AttributeValue.fromN("2")));
        SeededKey admins = new SeededKey(Map.of("pk", new SeededKey.Prefix("admin-")), "/tables/0/seeded/0");

        Verification v = verify(dir, List.of(admins), 100);

        assertThat(List.of(v.missing(), v.extra(), v.different(), v.matched())).containsExactly(0L, 0L, 1L, 100L);
        assertThat(v.examples()).containsExactly("different: {pk=admin-shared}: n (N) differs");
    }

    private Verification verify(Path dir, List<SeededKey> seeded, int partitionSize) throws InterruptedException {
        TableInfo info = target.describe("dst").orElseThrow();
        return new TableVerifier(source, target, new RetryPolicy(0, Backoff.NONE), 4, ProgressListener.NONE, dir.resolve("verify"),
                partitionSize).verify(ID, "src", info, ItemTransformer.identity(), seeded, 1.0);
    }

    private void seed(int count) {
        for (int i = 0; i < count; i++) {
            Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("item-" + i), "n", AttributeValue.fromN(String.valueOf(i)),
                    "tags", AttributeValue.fromSs(List.of("a", "b")));
            source.put("src", item);
            target.put("dst", item);
        }
    }
}
