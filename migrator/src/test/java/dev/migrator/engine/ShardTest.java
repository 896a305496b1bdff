package dev.migrator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shards split keys and segments disjointly and completely; the index comes from the command line or the job engine. */
class ShardTest {

    @Test
    void everyKeyAndSegmentBelongsToExactlyOneShard() {
        List<Shard> shards = List.of(new Shard(0, 3), new Shard(1, 3), new Shard(2, 3));
        int[] perShard = new int[3];
        for (int k = 0; k < 30_000; k++) {
            String key = "assets/" + k + ".bin";
            List<Shard> owners = shards.stream().filter(s -> s.owns(key)).toList();
            assertThat(owners).hasSize(1);
            perShard[owners.get(0).index()]++;
        }
        for (int n : perShard) {
            assertThat(n).isBetween(9_000, 11_000);
        }
        for (int segment = 0; segment < 48; segment++) {
            int s = segment;
            assertThat(shards.stream().filter(x -> x.ownsSegment(s))).hasSize(1);
        }
        assertThat(Shard.WHOLE.owns("anything")).isTrue();
    }

    @Test
    void indexComesFromTheCommandLineOrTheJobEnginesVariable() {
        assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.fromEnvironment(4, Map.of("JOB_COMPLETION_INDEX", "3")::get)).isEqualTo(new Shard(3, 4));
        assertThat(Shard.fromEnvironment(4, Map.of("AWS_BATCH_JOB_ARRAY_INDEX", "0")::get)).isEqualTo(new Shard(0, 4));
        assertThatThrownBy(() -> Shard.parse("4/4")).hasMessageContaining("the index must be 0..3");
        assertThatThrownBy(() -> Shard.parse("two")).hasMessageContaining("is not INDEX/COUNT");
        assertThatThrownBy(() -> Shard.fromEnvironment(4, Map.<String, String>of()::get))
                .hasMessageContaining("JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX, and neither is set");
    }

    @Test
    void unsplittableStepsRunWholeInShardZeroOnlyAndReadersOfTheirMapsAreStillSliced() {
        FakeStep pool = new FakeStep("pool", false, Set.of("cognito-subs-p.json"), Set.of());
        FakeStep reader = new FakeStep("reader", true, Set.of(), Set.of("cognito-subs-p.json"));
        FakeStep table = new FakeStep("table", true, Set.of(), Set.of());
        List<Step> steps = List.of(pool, reader, table);

        Sharding zero = Sharding.of(new Shard(0, 2), steps);
        Sharding one = Sharding.of(new Shard(1, 2), steps);

        assertThat(steps.stream().filter(zero::runs)).containsExactly(pool, reader, table);
        assertThat(steps.stream().filter(one::runs)).containsExactly(reader, table);
        assertThat(zero.sliceOf(pool.id())).isEqualTo(Shard.WHOLE);
        assertThat(zero.sliceOf(reader.id())).isEqualTo(new Shard(0, 2));
        assertThat(one.shardsRunning(pool.id())).containsExactly(0);
        assertThat(one.shardsRunning(reader.id())).containsExactly(0, 1);
        assertThat(one.sliceOf(table.id())).isEqualTo(new Shard(1, 2));
        assertThat(Sharding.of(Shard.WHOLE, steps).sliced()).isEmpty();
    }

    private record FakeStep(StepId id, boolean split, Set<String> writesMaps, Set<String> readsMaps) implements Step, Splittable {
        FakeStep(String name, boolean split, Set<String> writes, Set<String> reads) {
            this(new StepId(new StepId.Kind("FAKE", "fake", "fake", "fake", "unit(s)"), name, "/fakes/" + name), split, writes, reads);
        }

        @Override
        public boolean splittable() {
            return split;
        }

        @Override
        public Preflight preflight() {
            throw new UnsupportedOperationException();
        }

        @Override
        public StepResult copy(StepContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Verification verify(StepContext context, double sampleRate) {
            throw new UnsupportedOperationException();
        }
    }
}
