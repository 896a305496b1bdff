package dev.migrator.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrator.aws.AwsService;
import dev.migrator.aws.EndpointResolver;
import dev.migrator.engine.Finding;
import dev.migrator.engine.PairStep;
import dev.migrator.engine.ProgressListener;
import dev.migrator.engine.ResourceState;
import dev.migrator.engine.Step;
import dev.migrator.engine.StepContext;
import dev.migrator.engine.StepExecution;
import dev.migrator.engine.StepId;
import dev.migrator.engine.StepResult;
import dev.migrator.engine.StoreModule;
import dev.migrator.engine.UnitCounters;
import dev.migrator.engine.Verification;
import dev.migrator.model.MigrationSchema;
import dev.migrator.support.Backoff;
import dev.migrator.support.DeadLetterEntry;
import dev.migrator.support.DeadLetterFile;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import dev.migrator.testkit.SchemaBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The design's own test: a fourth kind of store (an in-memory queue) plugged in as one module and one line
 * ({@code Stores.BUILT_IN.with(...)}), with no other change. It is planned, preflighted, copied, verified,
 * reported (JSON and HTML) and its dead letters replayed beside a real table pair, by the unchanged service.
 */
@ExtendWith(LocalAwsExtension.class)
class PluggedStoreTest {
    static final StepId.Kind QUEUE = new StepId.Kind("QUEUE", "queue", "queue", "queue", "message(s)");

    @Test
    void aFourthStoreRunsThroughEveryPhaseWithNoOtherChange(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("plug-a");
        String target = LocalAws.uniqueName("plug-b");
        try (DynamoDbClient ddb = aws.dynamoDb("us-east-1")) {
            for (String table : List.of(source, target)) {
                ddb.createTable(r -> r.tableName(table).billingMode("PAY_PER_REQUEST")
                        .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                        .attributeDefinitions(d -> d.attributeName("pk").attributeType("S")));
            }
            ddb.putItem(r -> r.tableName(source).item(Map.of("pk", AttributeValue.fromS("one"))));
        }
        Path schema = SchemaBuilder.between("us-east-1", "us-east-1").endpoint("dynamodb", aws.dynamoDbEndpoint())
                .table("t", source, target, Map.of()).write(dir.resolve("schema.json"));
        QueueModule queues = new QueueModule(List.of("a", "poison", "c"));
        MigrationService service = new MigrationService(EndpointResolver.fromSystemEnvironment(),
                Stores.BUILT_IN.with(queues), Backoff.NONE);

        RunOutcome.Reported run = (RunOutcome.Reported) service.run(schema,
                new MigrationService.RunSettings(dir.resolve("state"), ProgressListener.NONE));

        assertThat(run.report().results()).extracting(r -> r.step().toString()).containsExactly("table:t", "queue:jobs");
        StepResult.Completed copied = (StepResult.Completed) run.report().results().get(1);
        assertThat(copied.counters()).isEqualTo(new StepResult.Counters(3, 2, 0, 1));
        assertThat(run.report().status()).isEqualTo(RunReport.Status.MISMATCH);
        assertThat(Files.readString(run.directory().resolve("report.html"))).contains("queue:jobs");
        assertThat(Files.readString(run.directory().resolve("dead-letters").resolve("queue-jobs.jsonl"))).contains("\"poison\"");

        queues.acceptPoison = true;
        RunOutcome.Reported replay = (RunOutcome.Reported) service.replay(schema,
                new MigrationService.ReplaySettings(dir.resolve("state"), Optional.empty(), ProgressListener.NONE, true));

        assertThat(replay.report().results()).extracting(r -> r.step().toString()).containsExactly("queue:jobs");
        assertThat(replay.report().status()).isEqualTo(RunReport.Status.COMPLETED);
        assertThat(replay.report().verifications()).allSatisfy(v -> assertThat(v.verdict()).isEqualTo(Verification.Verdict.VERIFIED));
        assertThat(queues.target).containsExactlyInAnyOrder("a", "poison", "c");
    }

    /** The store: one pair "jobs" of in-memory queues; a message "poison" is refused until told otherwise. */
    static final class QueueModule implements StoreModule {
        final List<String> source;
        final List<String> target = new CopyOnWriteArrayList<>();
        volatile boolean acceptPoison;

        QueueModule(List<String> source) {
            this.source = List.copyOf(source);
        }

        @Override
        public StepId.Kind kind() {
            return QUEUE;
        }

        @Override
        public Optional<AwsService> service() {
            return Optional.empty();
        }

        @Override
        public List<Step> steps(MigrationSchema schema, Stacks stacks) {
            return List.of(new QueueStep(this));
        }
    }

    record MessageDeadLetter(String message, String reason) implements DeadLetterEntry {
        @Override
        public ObjectNode toJson() {
            return JsonNodeFactory.instance.objectNode().put("message", message).put("reason", reason);
        }
    }

    static final class QueueStep extends PairStep<List<String>, QueueModule> {
        private final QueueModule queues;

        QueueStep(QueueModule queues) {
            super(new StepId(QUEUE, "jobs", "/queues/0"), "jobs-a", "jobs-b", queues, queues);
            this.queues = queues;
        }

        @Override
        protected Optional<List<String>> describe(ResourceState.Side side) {
            return Optional.of(side == ResourceState.Side.SOURCE ? queues.source : queues.target);
        }

        @Override
        protected ResourceState look(ResourceState.Side side, Optional<List<String>> info, List<Finding> findings) {
            return new ResourceState(side, resourceName(side), true, Optional.of(info.get().isEmpty()),
                    Optional.of((long) info.get().size()), false, List.of(), Map.of());
        }

        private boolean deliver(String message, UnitCounters counters, DeadLetterFile deadLetters) {
            counters.read.incrementAndGet();
            if (message.equals("poison") && !queues.acceptPoison) {
                deadLetters.write(new MessageDeadLetter(message, "refused by the target"));
                counters.failed.incrementAndGet();
                return false;
            }
            queues.target.add(message);
            counters.written.incrementAndGet();
            return true;
        }

        @Override
        public StepResult copy(StepContext context) {
            UnitCounters counters = new UnitCounters();
            return copying(context, counters::snapshot, deadLetters -> {
                queues.source.forEach(m -> deliver(m, counters, deadLetters));
                return new StepExecution.Ending(List.of(), Map.of());
            });
        }

        @Override
        protected Replayer replayer(StepContext context, DeadLetterFile stillFailing) {
            UnitCounters counters = new UnitCounters();
            return new Replayer() {
                @Override
                public void replay(ObjectNode entry) {
                    deliver(entry.path("message").asText(), counters, stillFailing);
                }

                @Override
                public UnitCounters counters() {
                    return counters;
                }
            };
        }

        @Override
        public Verification verify(StepContext context, double sampleRate) {
            List<String> missing = new ArrayList<>(queues.source);
            missing.removeAll(queues.target);
            return new Verification(id, queues.source.size(), queues.target.size(), queues.source.size(),
                    queues.source.size() - missing.size(), missing.size(), 0, 0, 0,
                    missing.stream().map(m -> "missing: " + m).toList(), 1.0, Duration.ZERO, "");
        }
    }
}
