package dev.migrator.store.bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrator.testkit.Cli;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import dev.migrator.testkit.SchemaBuilder;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;

/** Stack B's bucket beside Stack A's (moto, which keeps CORS and lifecycle): plan warns of rules B lacks. */
@ExtendWith(LocalAwsExtension.class)
class BucketDriftTest {

    @Test
    void corsAndLifecycleRulesMissingOnStackBAreReported(LocalAws aws, @TempDir Path dir) throws Exception {
        assumeTrue(aws.motoEndpoint().isPresent(), "moto_server is not installed; bucket configuration needs it");
        String source = LocalAws.uniqueName("cfg-a");
        String target = LocalAws.uniqueName("cfg-b");
        try (S3Client s3 = aws.motoS3("us-east-1")) {
            s3.createBucket(r -> r.bucket(source));
            s3.createBucket(r -> r.bucket(target));
            s3.putBucketCors(r -> r.bucket(source).corsConfiguration(c -> c.corsRules(rule -> rule.allowedMethods("GET")
                    .allowedOrigins("https://app.example.com"))));
            s3.putBucketLifecycleConfiguration(r -> r.bucket(source).lifecycleConfiguration(l -> l.rules(rule -> rule.id("old")
                    .status(ExpirationStatus.ENABLED).filter(f -> f.prefix("tmp/")).expiration(e -> e.days(7)))));
        }
        Path schema = SchemaBuilder.between("us-east-1", "us-east-1").endpoint("s3", aws.motoEndpoint().get())
                .bucket("b", source, target, Map.of()).write(dir.resolve("schema.json"));
        StringWriter plan = new StringWriter();

        assertThat(Cli.run(plan, "plan", schema.toString())).as(plan.toString()).isZero();

        assertThat(plan.toString()).contains("warning: " + source + " has 1 CORS rule(s), " + target + " 0",
                "warning: " + source + " has 1 lifecycle rule(s), " + target + " 0", "aws s3api put-bucket-cors");
    }
}
