package dev.migrator.sync;

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
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;

/** A user pool with catchUp "delta" on moto: users created after the copy reach the target in a sync pass, subs mapped. */
@ExtendWith(LocalAwsExtension.class)
class UserPoolDeltaTest {
    private static final String REGION = "us-east-1";

    @Test
    void usersCreatedAfterTheCopyArriveAndTheSubMapGrows(LocalAws aws, @TempDir Path dir) throws Exception {
        assumeTrue(aws.cognitoEndpoint().isPresent(), "moto_server is not installed; Cognito tests need it");
        try (CognitoIdentityProviderClient cognito = aws.cognito(REGION)) {
            String source = cognito.createUserPool(r -> r.poolName("delta-a")).userPool().id();
            String target = cognito.createUserPool(r -> r.poolName("delta-b")).userPool().id();
            create(cognito, source, "first");
            cognito.createGroup(r -> r.userPoolId(source).groupName("admins"));
            cognito.adminAddUserToGroup(r -> r.userPoolId(source).username("first").groupName("admins"));
            Path schema = SchemaBuilder.between(REGION, REGION).endpoint("cognito", aws.cognitoEndpoint().get())
                    .userPool("users", source, target, Map.of("catchUp", "delta", "requestsPerSecond", 1000))
                    .write(dir.resolve("schema.json"));
            String state = dir.resolve("state").toString();
            StringWriter run = new StringWriter();
            assertThat(Cli.run(run, "run", schema.toString(), "--state-dir", state)).as(run.toString()).isZero();

            create(cognito, source, "second");
            cognito.adminAddUserToGroup(r -> r.userPoolId(source).username("second").groupName("admins"));
            cognito.adminRemoveUserFromGroup(r -> r.userPoolId(source).username("first").groupName("admins"));
            StringWriter sync = new StringWriter();
            assertThat(Cli.run(sync, "sync", schema.toString(), "--state-dir", state, "--until-caught-up", "--interval", "0"))
                    .as(sync.toString()).isZero();

            assertThat(cognito.adminGetUser(r -> r.userPoolId(target).username("second")).userAttributes())
                    .anySatisfy(a -> assertThat(a.name() + "=" + a.value()).isEqualTo("email=second@example.com"));
            assertThat(sync.toString()).contains("user-pool:users", "caught up");
            assertThat(cognito.listUsersInGroup(r -> r.userPoolId(target).groupName("admins")).users())
                    .extracting(u -> u.username()).containsExactly("second");
            try (var files = java.nio.file.Files.walk(dir.resolve("state"))) {
                Path map = files.filter(p -> p.getFileName().toString().equals("cognito-subs-users.json")).findFirst().orElseThrow();
                assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(map.toFile()).size()).isEqualTo(2);
            }
            StringWriter verify = new StringWriter();
            assertThat(Cli.run(verify, "verify", schema.toString(), "--state-dir", state)).as(verify.toString()).isZero();
        }
    }

    private static void create(CognitoIdentityProviderClient cognito, String pool, String name) {
        cognito.adminCreateUser(r -> r.userPoolId(pool).username(name).messageAction("SUPPRESS")
                .userAttributes(AttributeType.builder().name("email").value(name + "@example.com").build()));
    }
}
