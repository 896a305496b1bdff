package dev.migrator.run;

import dev.migrator.engine.Finding;
import dev.migrator.engine.Preflight;
import dev.migrator.engine.ResourceState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrator.aws.EndpointResolver;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/** plan against moto's Cognito: pools exist or not, users counted, sign-in configuration compared. */
@ExtendWith(LocalAwsExtension.class)
class UserPoolPlanTest {

    @Test
    void reportsPoolsAndRefusesAnIncompatibleUsernameConfiguration(LocalAws aws, @TempDir Path dir) throws Exception {
        assumeTrue(aws.cognitoEndpoint().isPresent(), "moto_server is not installed; Cognito tests need it");
        String source;
        String plainTarget;
        String emailTarget;
        try (var cognito = aws.cognito("us-east-1")) {
            source = cognito.createUserPool(r -> r.poolName("stack-a")).userPool().id();
            plainTarget = cognito.createUserPool(r -> r.poolName("stack-b")).userPool().id();
            emailTarget = cognito.createUserPool(r -> r.poolName("stack-b-email")
                    .usernameAttributes(UsernameAttributeType.EMAIL)).userPool().id();
            for (String user : new String[] {"alice", "bob"}) {
                cognito.adminCreateUser(r -> r.userPoolId(source).username(user));
            }
        }
        String endpoint = "\"endpoints\": {\"cognito\": \"" + aws.cognitoEndpoint().get() + "\"}";
        Path schema = Files.writeString(dir.resolve("pools.json"), """
                {
                  "schemaVersion": "1.0",
                  "source": {"region": "us-east-1", %s},
                  "target": {"region": "us-east-1", %s},
                  "userPools": [
                    {"name": "plain", "source": "%s", "target": "%s"},
                    {"name": "email", "source": "%s", "target": "%s"},
                    {"name": "gone", "source": "%s", "target": "us-east-1_NoSuchPool1"}
                  ]
                }
                """.formatted(endpoint, endpoint, source, plainTarget, source, emailTarget, source));

        var planned = (PlanOutcome.Planned) new MigrationService(new EndpointResolver(Map.of())).plan(schema);

        Preflight plain = planned.preflights().get(0);
        assertThat(plain.resources()).extracting(ResourceState::exists).containsExactly(true, true);
        assertThat(plain.resources().get(0).empty()).contains(false);
        assertThat(plain.resources().get(0).firstKeys()).contains("alice", "bob");
        assertThat(plain.resources().get(1).empty()).contains(true);
        assertThat(plain.findings()).noneMatch(Finding::isError);

        assertThat(planned.preflights().get(1).findings()).anySatisfy(f ->
                assertThat(f.message()).contains("users sign in with username in the source pool but with email as username"));
        assertThat(planned.preflights().get(2).findings()).anySatisfy(f ->
                assertThat(f.message()).contains("target user pool us-east-1_NoSuchPool1 does not exist"));
    }
}
