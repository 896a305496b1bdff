package dev.migrator.store.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.engine.UnitCounters;
import dev.migrator.model.TablePair;
import dev.migrator.schema.LoadResult;
import dev.migrator.schema.SchemaLoader;
import dev.migrator.support.Backoff;
import dev.migrator.support.Checkpoints;
import dev.migrator.support.DeadLetterFile;
import dev.migrator.support.RetryPolicy;
import dev.migrator.testkit.SchemaBuilder;
import dev.migrator.transform.ItemTransformer;
import dev.migrator.transform.ValueMaps;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The catch-up pass on an in-memory stream and table: what it skips, in which order it reads, what it applies. */
class StreamCatchUpTest {
    private static final Instant SCAN_START = Instant.parse("2026-12-01T10:00:00Z");
    private final FakeStream stream = new FakeStream();
    private final InMemoryTableGateway target = new InMemoryTableGateway().create("dst-table");
    private final UnitCounters counters = new UnitCounters();

    @Test
    void recordsBeforeTheMarkAreSkippedUntilTheFirstAppliedOneThenTheSuffixIsReplayedInOrder(@TempDir Path dir) throws Exception {
        Instant old = SCAN_START.minus(StreamPosition.MARGIN).minusSeconds(60);
        stream.shard("s1", null, change("INSERT", "1", old, "a", 1), change("INSERT", "2", SCAN_START, "b", 1),
                change("MODIFY", "3", SCAN_START, "b", 2), change("REMOVE", "4", SCAN_START, "a", 1));

        StreamCatchUp.Pass pass = catchUp(dir, "").pass(position(dir), SCAN_START.plusSeconds(10));

        assertThat(pass.caughtUp()).isTrue();
        assertThat(pass.applied()).isEqualTo(3);
        assertThat(counters.skipped.get()).isEqualTo(1);
        assertThat(target.contents("dst-table")).containsOnlyKeys("b");
        assertThat(target.contents("dst-table").get("b").get("v").n()).isEqualTo("2");
    }

    @Test
    void aRemoveOfAnItemTheCopyNeverWroteIsHarmlessAndAParentIsReadBeforeItsChild(@TempDir Path dir) throws Exception {
        stream.shard("child", "parent", change("INSERT", "20", SCAN_START, "c", 2));
        stream.shard("parent", null, change("INSERT", "10", SCAN_START, "c", 1), change("REMOVE", "11", SCAN_START, "gone", 1));
        stream.shard("sibling", null, change("INSERT", "30", SCAN_START, "d", 1));
        stream.closed("parent");

        catchUp(dir, "", 4).pass(position(dir), SCAN_START);

        assertThat(stream.readOrder).containsSubsequence("parent", "child");
        assertThat(stream.readOrder.indexOf("sibling")).as("read beside the parent, in the first wave").isLessThan(stream.readOrder.indexOf("child"));
        assertThat(target.contents("dst-table")).containsOnlyKeys("c", "d");
        assertThat(target.contents("dst-table").get("c").get("v").n()).isEqualTo("2");
    }

    @Test
    void aSecondPassStartsAfterTheLastRecordItReadAndAppliesOnlyWhatIsNew(@TempDir Path dir) throws Exception {
        stream.shard("s1", null, change("INSERT", "1", SCAN_START, "a", 1));
        StreamPosition position = position(dir);
        catchUp(dir, "").pass(position, SCAN_START);
        stream.append("s1", change("MODIFY", "2", SCAN_START, "a", 2));

        StreamCatchUp.Pass again = catchUp(dir, "").pass(StreamPosition.read(new Checkpoints(dir), "t-stream").orElseThrow(), SCAN_START);

        assertThat(again.applied()).isEqualTo(1);
        assertThat(target.contents("dst-table").get("a").get("v").n()).isEqualTo("2");
    }

    @Test
    void changesGoOutInBatchesAndAKeySeenAgainInAPageKeepsItsOrder(@TempDir Path dir) throws Exception {
        StreamGateway.Change[] changes = new StreamGateway.Change[60];
        for (int i = 0; i < 60; i++) {
            changes[i] = change(i % 2 == 0 ? "INSERT" : "MODIFY", String.valueOf(i), SCAN_START, "k" + (i / 2), i);
        }
        stream.shard("s1", null, changes);
        stream.pageSize = 60;

        catchUp(dir, "").pass(position(dir), SCAN_START);

        assertThat(target.contents("dst-table")).hasSize(30);
        assertThat(target.contents("dst-table").get("k7").get("v").n()).isEqualTo("15");
        assertThat(target.batchWrites.get()).as("a batch ends where a key comes again: 31 batches, not 60 calls").isEqualTo(31);
        assertThat(counters.written.get()).isEqualTo(60);
    }

    @Test
    void aModifyThatMovesTheTargetKeyDeletesTheOldOne(@TempDir Path dir) throws Exception {
        String transforms = "\"transforms\": [{\"op\": \"format\", \"path\": \"pk\", \"template\": \"{v}-{id}\"}]";
        stream.shard("s1", null, changeOf("INSERT", "1", Map.of("id", s("x"), "v", n(1)), Map.of()),
                changeOf("MODIFY", "2", Map.of("id", s("x"), "v", n(2)), Map.of("id", s("x"), "v", n(1))));

        catchUp(dir, transforms).pass(position(dir), SCAN_START);

        assertThat(target.contents("dst-table")).containsOnlyKeys("2-x");
    }

    @Test
    void aMarkOlderThanTheStreamKeepsRecordsIsReportedNotSilentlyReplayed(@TempDir Path dir) throws Exception {
        stream.shard("s1", null, change("INSERT", "1", SCAN_START, "a", 1));

        assertThatThrownBy(() -> catchUp(dir, "").pass(position(dir), SCAN_START.plus(Duration.ofHours(25))))
                .isInstanceOf(StreamGateway.Trimmed.class).hasMessageContaining("more than 24 hours");
    }

    private StreamPosition position(Path dir) {
        return StreamPosition.mark(new Checkpoints(dir), "t-stream", "arn:stream", SCAN_START);
    }

    private StreamCatchUp catchUp(Path dir, String settings) throws Exception {
        return catchUp(dir, settings, 1);
    }

    private StreamCatchUp catchUp(Path dir, String settings, int parallelShards) throws Exception {
        Path schema = SchemaBuilder.between("us-east-1", "us-east-1").table("t", "src-table", "dst-table", SchemaBuilder.settings(settings))
                .write(dir.resolve("schema.json"));
        TablePair pair = ((LoadResult.Valid) new SchemaLoader().load(schema)).schema().tables().get(0);
        ItemTransformer transformer = ItemTransformer.compile(pair.transforms(), ValueMaps.beforeAnyRun());
        KeyCheck keys = new KeyCheck(target.describe("dst-table").orElseThrow().keySchema());
        DeadLetters deadLetters = new DeadLetters(new DeadLetterFile(dir.resolve("dead.jsonl")), "table:t", "src-table", counters);
        return new StreamCatchUp(stream, target, "dst-table", transformer, keys, new RetryPolicy(1, Backoff.NONE), deadLetters, counters,
                parallelShards);
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(int v) {
        return AttributeValue.fromN(String.valueOf(v));
    }

    private static StreamGateway.Change change(String event, String seq, Instant at, String pk, int v) {
        Map<String, AttributeValue> item = Map.of("pk", s(pk), "v", n(v));
        return new StreamGateway.Change(event, seq, at, Map.of("pk", s(pk)), event.equals("REMOVE") ? Map.of() : item,
                event.equals("INSERT") ? Map.of() : item);
    }

    private static StreamGateway.Change changeOf(String event, String seq, Map<String, AttributeValue> next, Map<String, AttributeValue> old) {
        return new StreamGateway.Change(event, seq, SCAN_START, Map.of("id", next.get("id")), next, old);
    }

    /** Shards as lists of changes; an iterator is "shard:index". */
    private static final class FakeStream implements StreamGateway {
        private final Map<String, List<Change>> shards = new LinkedHashMap<>();
        private final Map<String, String> parents = new LinkedHashMap<>();
        private final List<String> closed = new ArrayList<>();
        final List<String> readOrder = java.util.Collections.synchronizedList(new ArrayList<>());
        int pageSize = 2;

        void shard(String id, String parent, Change... changes) {
            shards.put(id, new ArrayList<>(List.of(changes)));
            parents.put(id, parent);
        }

        void append(String id, Change change) {
            shards.get(id).add(change);
        }

        void closed(String id) {
            closed.add(id);
        }

        @Override
        public synchronized List<Shard> shards(String streamArn) {
            return shards.keySet().stream().map(id -> new Shard(id, Optional.ofNullable(parents.get(id)))).toList();
        }

        @Override
        public synchronized String iterator(String streamArn, String shardId, Optional<String> afterSequence) {
            readOrder.add(shardId);
            List<Change> changes = shards.get(shardId);
            int index = 0;
            if (afterSequence.isPresent()) {
                while (index < changes.size() && !changes.get(index).sequenceNumber().equals(afterSequence.get())) {
                    index++;
                }
                index++;
            }
            return shardId + ":" + index;
        }

        @Override
        public synchronized RecordPage records(String iterator) {
            String shardId = iterator.substring(0, iterator.lastIndexOf(':'));
            int index = Integer.parseInt(iterator.substring(iterator.lastIndexOf(':') + 1));
            List<Change> changes = shards.get(shardId);
            List<Change> page = changes.subList(Math.min(index, changes.size()), Math.min(changes.size(), index + pageSize));
            int next = index + page.size();
            boolean end = next >= changes.size();
            if (end && closed.contains(shardId)) {
                return new RecordPage(List.copyOf(page), Optional.empty());
            }
            return new RecordPage(List.copyOf(page), Optional.of(shardId + ":" + next));
        }
    }
}
