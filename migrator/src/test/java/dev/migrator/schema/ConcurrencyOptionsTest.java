package dev.migrator.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.model.MigrationOptions;
import dev.migrator.testkit.SchemaBuilder;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** concurrency fixes the requests in flight; left out, migrator adapts them up to maxConcurrency; parallelSteps. */
class ConcurrencyOptionsTest {
    private static MigrationOptions options(SchemaBuilder schema, Path dir) throws Exception {
        LoadResult loaded = new SchemaLoader().load(schema.table("t", "source-table", "target-table", Map.of()).write(dir.resolve("s.json")));
        assertThat(loaded.problems()).isEmpty();
        return ((LoadResult.Valid) loaded).schema().options();
    }

    @Test
    void leftOutConcurrencyAdaptsUpToTheDefaultCeilingWithFourStepsAtATime(@TempDir Path dir) throws Exception {
        MigrationOptions o = options(SchemaBuilder.between("us-east-1", "us-east-1"), dir);
        assertThat(o.adaptiveConcurrency()).isTrue();
        assertThat(o.concurrency()).isEqualTo(128);
        assertThat(o.parallelSteps()).isEqualTo(4);
    }

    @Test
    void maxConcurrencyBoundsTheAdaptiveConcurrency(@TempDir Path dir) throws Exception {
        MigrationOptions o = options(SchemaBuilder.between("us-east-1", "us-east-1").option("maxConcurrency", 32)
                .option("parallelSteps", 1), dir);
        assertThat(o.adaptiveConcurrency()).isTrue();
        assertThat(o.concurrency()).isEqualTo(32);
        assertThat(o.parallelSteps()).isEqualTo(1);
    }

    @Test
    void aNamedConcurrencyIsFixed(@TempDir Path dir) throws Exception {
        MigrationOptions o = options(SchemaBuilder.between("us-east-1", "us-east-1").option("concurrency", 8)
                .option("maxConcurrency", 64), dir);
        assertThat(o.adaptiveConcurrency()).isFalse();
        assertThat(o.concurrency()).isEqualTo(8);
    }

    @Test
    void outOfRangeValuesAreRefusedWithTheirPointer(@TempDir Path dir) throws Exception {
        LoadResult loaded = new SchemaLoader().load(SchemaBuilder.between("us-east-1", "us-east-1").option("parallelSteps", 0)
                .option("maxConcurrency", 5000).table("t", "source-table", "target-table", Map.of()).write(dir.resolve("s.json")));
        assertThat(loaded).isInstanceOf(LoadResult.Invalid.class);
        assertThat(loaded.problems()).extracting(p -> p.pointer())
                .contains("/options/parallelSteps", "/options/maxConcurrency");
    }
}
