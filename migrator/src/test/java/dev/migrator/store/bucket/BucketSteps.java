package dev.migrator.store.bucket;

import dev.migrator.engine.ProgressListener;
import dev.migrator.engine.StepContext;
import dev.migrator.engine.StepResult;
import dev.migrator.schema.LoadResult;
import dev.migrator.schema.SchemaLoader;
import dev.migrator.support.Backoff;
import dev.migrator.testkit.Cli;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.SchemaBuilder;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.services.s3.S3Client;

/** A bucket pair's schema, and its step run directly (gateways replaceable, no backoff) or through the CLI. */
final class BucketSteps {
    static final String A = "us-east-1";
    static final String B = "eu-central-1";

    private BucketSteps() {}

    /** One bucket pair {@code b} on {@code s3}, with {@code extra} pair settings as JSON members. */
    static SchemaBuilder schema(URI s3, LocalAws aws, String source, String target, String extra) {
        return SchemaBuilder.between(A, B).endpoint("s3", s3).endpoint("dynamodb", aws.dynamoDbEndpoint())
                .bucket("b", source, target, SchemaBuilder.settings(extra))
                .option("concurrency", 4).option("maxRetries", 1).option("multipartThreshold", "6MiB").option("multipartPartSize", "5MiB");
    }

    static Path schema(LocalAws aws, Path dir, String source, String target, String extra) throws Exception {
        return schema(aws.s3Endpoint(), aws, source, target, extra).write(dir.resolve("schema.json"));
    }

    static Path schema(URI s3, LocalAws aws, Path dir, String source, String target, String extra) throws Exception {
        return schema(s3, aws, source, target, extra).write(dir.resolve("schema.json"));
    }

    static int run(Path schema, Path dir, StringWriter out) {
        return Cli.run(out, "run", schema.toString(), "--state-dir", dir.resolve("state").toString());
    }

    /** Runs the schema's first bucket pair as a step on S3Proxy, the target gateway optionally replaced. */
    static StepResult step(Path schema, Path dir, LocalAws aws, BucketGateway targetGateway) throws Exception {
        try (S3Client s3 = aws.s3(A)) {
            BucketGateway gateway = new SdkBucketGateway(s3, aws.s3Endpoint().toString());
            return step(schema, dir, gateway, targetGateway == null ? gateway : targetGateway);
        }
    }

    static StepResult step(Path schema, Path dir, BucketGateway sourceGateway, BucketGateway targetGateway) throws Exception {
        return step(schema, sourceGateway, targetGateway).copy(context(dir));
    }

    /** The step run again on {@code dir}, resuming from its checkpoint. */
    static StepResult resume(Path schema, Path dir, BucketGateway sourceGateway, BucketGateway targetGateway) throws Exception {
        return step(schema, sourceGateway, targetGateway).copy(new StepContext(dir, ProgressListener.NONE, true).withBackoff(Backoff.NONE));
    }

    /** Replays the dead letters the schema's first bucket pair left in {@code dir}. */
    static StepResult replay(Path schema, Path dir, BucketGateway sourceGateway, BucketGateway targetGateway) throws Exception {
        return step(schema, sourceGateway, targetGateway).replay(context(dir));
    }

    private static BucketStep step(Path schema, BucketGateway sourceGateway, BucketGateway targetGateway) {
        var loaded = (LoadResult.Valid) new SchemaLoader().load(schema);
        return new BucketStep(loaded.schema().buckets().get(0), loaded.schema().options(), sourceGateway, targetGateway);
    }

    private static StepContext context(Path dir) {
        return new StepContext(dir, ProgressListener.NONE).withBackoff(Backoff.NONE);
    }
}
