package dev.migrator.store.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.engine.Preflight;
import dev.migrator.engine.ProgressListener;
import dev.migrator.engine.StepContext;
import dev.migrator.engine.StepResult;
import dev.migrator.schema.LoadResult;
import dev.migrator.schema.SchemaLoader;
import dev.migrator.support.Backoff;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import dev.migrator.testkit.SchemaBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A table pair's reads that do not depend on each other go out side by side: on a link of tens of milliseconds each
 * is a round trip, and one after the other they were most of a small table's step. The client here lets such a read
 * through only once the others of its group are under way too, so reading them one after the other fails.
 */
@ExtendWith(LocalAwsExtension.class)
class TableSideBySideTest {
    private static final String A = "us-east-1";
    /** Both tables' TTL and point-in-time recovery settings (preflight). */
    private static final Set<String> SETTINGS = Set.of("DescribeTimeToLive", "DescribeContinuousBackups");

    @Test
    void bothTablesAreDescribedAndTheirSettingsReadAtOnce(LocalAws aws, @TempDir Path dir) throws Exception {
        String source = LocalAws.uniqueName("side-a");
        String target = LocalAws.uniqueName("side-b");
        CyclicBarrier describes = new CyclicBarrier(2);
        CyclicBarrier settings = new CyclicBarrier(4);
        try (DynamoDbClient plain = aws.dynamoDb(A);
             DynamoDbClient meeting = DynamoDbClient.builder().region(Region.of(A)).credentialsProvider(LocalAws.CREDENTIALS)
                     .endpointOverride(aws.dynamoDbEndpoint())
                     .overrideConfiguration(o -> o.addExecutionInterceptor(meet(describes, settings))).build()) {
            TableFixtures.create(plain, source, "pk", "S", null, null, null);
            TableFixtures.create(plain, target, "pk", "S", null, null, null);
            TableFixtures.put(plain, source, List.of(Map.of("pk", AttributeValue.fromS("one"))));
            Path schema = SchemaBuilder.between(A, A).endpoint("dynamodb", aws.dynamoDbEndpoint())
                    .table("t", source, target, SchemaBuilder.settings("")).write(dir.resolve("schema.json"));
            var loaded = (LoadResult.Valid) new SchemaLoader().load(schema);
            TableStep step = new TableStep(loaded.schema().tables().get(0), loaded.schema().options(), new SdkTableGateway(meeting),
                    new SdkTableGateway(meeting), A, A);

            Preflight preflight = step.preflight();
            StepResult result = step.copy(new StepContext(dir, ProgressListener.NONE).withBackoff(Backoff.NONE));

            assertThat(preflight.blocksRun()).as(preflight.findings().toString()).isFalse();
            assertThat(((StepResult.Completed) result).counters().written()).isEqualTo(1);
        }
    }

    /** DescribeTable waits (10 s at most) for a second one; a settings read for the other three. */
    private static ExecutionInterceptor meet(CyclicBarrier describes, CyclicBarrier settings) {
        return new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
                CyclicBarrier group = operation.equals("DescribeTable") ? describes : SETTINGS.contains(operation) ? settings : null;
                if (group == null) {
                    return;
                }
                try {
                    group.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(operation + " was sent alone", e);
                }
            }
        };
    }
}
