package dev.migrator.store.userpool;

import dev.migrator.support.Backoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.cli.Main;
import dev.migrator.model.UserPoolPair;
import dev.migrator.engine.ProgressListener;
import dev.migrator.engine.StepContext;
import dev.migrator.engine.StepResult;
import dev.migrator.schema.LoadResult;
import dev.migrator.schema.SchemaLoader;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** The user pool step against moto's Cognito: pages of users and groups, fidelity, disabled users, quotas, subs. */
@ExtendWith(LocalAwsExtension.class)
class UserPoolCopyTest {
    private static final String REGION = "us-east-1";
    private static final int USERS = 130;
    private static final int GROUPS = 63;

    @Test
    void everyUserGroupMembershipAndAttributeArrivesDespiteQuotaErrors(LocalAws aws, @TempDir Path dir) throws Exception {
        assumeTrue(aws.cognitoEndpoint().isPresent(), "moto_server is not installed; Cognito tests need it");
        try (CognitoIdentityProviderClient cognito = aws.cognito(REGION)) {
            String source = pool(cognito, "stack-a");
            String target = pool(cognito, "stack-b");
            seed(cognito, source);
            Path schema = schema(aws, dir, source, target, ", \"passwords\": \"temporary-password-file\"");
            SdkUserPoolGateway sdk = new SdkUserPoolGateway(cognito);
            PoolUser federated = new PoolUser("Google_1234567890", "EXTERNAL_PROVIDER", true,
                    Map.of("sub", "fed-sub", "email", "fed@example.com"), Optional.empty());
            FaultyUserPoolGateway faultySource = new FaultyUserPoolGateway(sdk, 0.1, Optional.of(federated));
            FaultyUserPoolGateway faultyTarget = new FaultyUserPoolGateway(sdk, 0.25, Optional.empty());

            StepResult.Completed result = (StepResult.Completed) step(schema, dir, faultySource, faultyTarget);

            assertThat(faultyTarget.throttled.get()).isPositive();
            assertThat(result.counters()).isEqualTo(new StepResult.Counters(USERS + 1, USERS, 1, 0));
            assertThat(result.outputs()).containsEntry("groupsCreated", String.valueOf(GROUPS))
                    .containsEntry("subsMapped", String.valueOf(USERS));
            assertThat(result.outputs().get("federatedUsers")).startsWith("1 ").contains("Google_1234567890");
            assertThat(users(cognito, target)).isEqualTo(users(cognito, source));
            assertThat(groups(cognito, target)).isEqualTo(groups(cognito, source));
            for (String user : List.of("user-000", "user-064", "user-129")) {
                assertThat(groupsOf(cognito, target, user)).as(user).isEqualTo(groupsOf(cognito, source, user)).isNotEmpty();
            }
            Map<String, String> subMap = new ObjectMapper().readValue(Path.of(result.outputs().get("subMap")).toFile(), TreeMap.class);
            Map<String, String> sourceSubs = subs(cognito, source);
            Map<String, String> targetSubs = subs(cognito, target);
            sourceSubs.forEach((user, oldSub) -> assertThat(subMap.get(oldSub)).as(user).isEqualTo(targetSubs.get(user)));

            Path passwords = Path.of(result.outputs().get("temporaryPasswords"));
            assertThat(Files.readAllLines(passwords)).hasSize(USERS + 1).first().isEqualTo("username,temporaryPassword");
            for (String file : List.of(result.outputs().get("export"), result.outputs().get("importJobCsv"), passwords.toString())) {
                assertThat(Files.getPosixFilePermissions(Path.of(file))).as(file)
                        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            }
            List<String> export = Files.readAllLines(Path.of(result.outputs().get("export")));
            assertThat(export).hasSize(1 + USERS + 1);
            assertThat(new ObjectMapper().readTree(export.get(0)).get("groups")).hasSize(GROUPS);
            JsonNode someone = new ObjectMapper().readTree(export.stream().filter(l -> l.contains("\"user-010\"")).findFirst().orElseThrow());
            assertThat(someone.get("enabled").asBoolean()).isFalse();
            assertThat(someone.get("groups")).hasSize(2);
            List<String> csv = Files.readAllLines(Path.of(result.outputs().get("importJobCsv")));
            assertThat(csv).hasSize(USERS + 1);
            assertThat(csv.get(0)).endsWith("custom:department,cognito:mfa_enabled,cognito:username");
        }
    }

    @Test
    void aRerunSkipsUsersAlreadyThereAndStillMapsTheirSubsWithoutPrintingPasswords(LocalAws aws, @TempDir Path dir) throws Exception {
        assumeTrue(aws.cognitoEndpoint().isPresent(), "moto_server is not installed; Cognito tests need it");
        try (CognitoIdentityProviderClient cognito = aws.cognito(REGION)) {
            String source = pool(cognito, "rerun-a");
            String target = pool(cognito, "rerun-b");
            for (int i = 0; i < 5; i++) {
                String name = "u" + i;
                cognito.adminCreateUser(r -> r.userPoolId(source).username(name).messageAction("SUPPRESS")
                        .userAttributes(AttributeType.builder().name("email").value(name + "@example.com").build()));
            }
            Path schema = schema(aws, dir, source, target, ", \"passwords\": \"temporary-password-file\"");
            StringWriter out = new StringWriter();

            assertThat(run(schema, dir, out)).as(out.toString()).isZero();
            assertThat(run(schema, dir.resolve("again"), out)).as(out.toString()).isZero();

            assertThat(out.toString()).contains("5 read, 5 written, 0 skipped, 0 failed").contains("5 read, 0 written, 5 skipped, 0 failed");
            Path passwordFile;
            try (var files = Files.walk(dir.resolve("state"))) {
                passwordFile = files.filter(p -> p.getFileName().toString().startsWith("temporary-passwords")).findFirst().orElseThrow();
            }
            for (String line : Files.readAllLines(passwordFile).subList(1, 6)) {
                assertThat(out.toString()).doesNotContain(line.split(",")[1]);
            }
            assertThat(users(cognito, target)).isEqualTo(users(cognito, source));
        }
    }

    @Test
    void replayCreatesTheUsersThatFailedAndFinishesThoseThatFailedHalfway(LocalAws aws, @TempDir Path dir) throws Exception {
        assumeTrue(aws.cognitoEndpoint().isPresent(), "moto_server is not installed; Cognito tests need it");
        try (CognitoIdentityProviderClient cognito = aws.cognito(REGION)) {
            String source = pool(cognito, "replay-a");
            String target = pool(cognito, "replay-b");
            cognito.createGroup(r -> r.userPoolId(source).groupName("staff"));
            cognito.createGroup(r -> r.userPoolId(source).groupName("admins"));
            for (int i = 0; i < 12; i++) {
                String name = "r" + i;
                cognito.adminCreateUser(r -> r.userPoolId(source).username(name).messageAction("SUPPRESS")
                        .userAttributes(attribute("email", name + "@example.com")));
                cognito.adminAddUserToGroup(r -> r.userPoolId(source).username(name).groupName("staff"));
            }
            cognito.adminAddUserToGroup(r -> r.userPoolId(source).username("r3").groupName("admins"));
            cognito.adminDisableUser(r -> r.userPoolId(source).username("r5"));
            Path schema = schema(aws, dir, source, target, "");
            SdkUserPoolGateway sdk = new SdkUserPoolGateway(cognito);
            UserPoolGateway failing = (UserPoolGateway) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {UserPoolGateway.class}, (proxy, method, args) -> {
                        if (method.getName().equals("addToGroup") && "admins".equals(args[2])
                                || method.getName().equals("createUser") && "r7".equals(args[1])) {
                            throw new IllegalStateException("injected failure");
                        }
                        try {
                            return method.invoke(sdk, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });

            StepResult.Completed copy = (StepResult.Completed) step(schema, dir, sdk, failing);

            assertThat(copy.counters()).isEqualTo(new StepResult.Counters(12, 10, 0, 2));
            List<String> letters = Files.readAllLines(Path.of(copy.outputs().get("deadLetters")));
            assertThat(letters).hasSize(2).anyMatch(l -> l.contains("\"r3\"") && l.contains("\"stage\":\"groups\""))
                    .anyMatch(l -> l.contains("\"r7\"") && l.contains("\"stage\":\"create\""));

            var loaded = (LoadResult.Valid) new SchemaLoader().load(schema);
            StepResult.Completed replayed = (StepResult.Completed) new UserPoolStep(loaded.schema().userPools().get(0),
                    loaded.schema().options(), sdk, sdk).replay(new StepContext(dir, ProgressListener.NONE).withBackoff(Backoff.NONE));

            assertThat(replayed.counters()).isEqualTo(new StepResult.Counters(2, 2, 0, 0));
            assertThat(replayed.outputs()).containsEntry("usersCreated", "1").containsEntry("usersUpdated", "1");
            assertThat(Path.of(copy.outputs().get("deadLetters"))).doesNotExist();
            assertThat(users(cognito, target)).isEqualTo(users(cognito, source));
            assertThat(groupsOf(cognito, target, "r3")).containsExactly("admins", "staff");
            Map<String, String> subMap = new ObjectMapper().readValue(Path.of(replayed.outputs().get("subMap")).toFile(), TreeMap.class);
            assertThat(subMap).hasSize(12);
        }
    }

    @Test
    void aResumedCopyFinishesTheUsersTheKilledRunCreatedAndLeavesOthersToThePolicy(LocalAws aws, @TempDir Path dir) throws Exception {
        assumeTrue(aws.cognitoEndpoint().isPresent(), "moto_server is not installed; Cognito tests need it");
        try (CognitoIdentityProviderClient cognito = aws.cognito(REGION)) {
            String source = pool(cognito, "half-a");
            String target = pool(cognito, "half-b");
            cognito.createGroup(r -> r.userPoolId(source).groupName("staff"));
            for (String name : List.of("half", "seeded", "fresh")) {
                cognito.adminCreateUser(r -> r.userPoolId(source).username(name).messageAction("SUPPRESS")
                        .userAttributes(attribute("email", name + "@example.com")));
                cognito.adminAddUserToGroup(r -> r.userPoolId(source).username(name).groupName("staff"));
            }
            // "half": created by the killed run, which died before its groups; "seeded": in Stack B before the migration
            for (String name : List.of("half", "seeded")) {
                cognito.adminCreateUser(r -> r.userPoolId(target).username(name).messageAction("SUPPRESS")
                        .userAttributes(attribute("email", name + "@stack-b.example.com")));
            }
            Files.createDirectories(dir.resolve("checkpoints"));
            Files.writeString(dir.resolve("checkpoints/userpool-users-created.log"), "+half\n");
            Path schema = schema(aws, dir, source, target, "");
            SdkUserPoolGateway sdk = new SdkUserPoolGateway(cognito);
            var loaded = (LoadResult.Valid) new SchemaLoader().load(schema);

            StepResult.Completed resumed = (StepResult.Completed) new UserPoolStep(loaded.schema().userPools().get(0),
                    loaded.schema().options(), sdk, sdk).copy(new StepContext(dir, ProgressListener.NONE, true).withBackoff(Backoff.NONE));

            assertThat(resumed.counters()).isEqualTo(new StepResult.Counters(3, 2, 1, 0));
            assertThat(groupsOf(cognito, target, "half")).containsExactly("staff");
            assertThat(users(cognito, target).get("half")).contains("half@example.com");
            assertThat(groupsOf(cognito, target, "seeded")).isEmpty();
            assertThat(users(cognito, target).get("seeded")).contains("seeded@stack-b.example.com");
            assertThat(groupsOf(cognito, target, "fresh")).containsExactly("staff");
            try (CreationLog log = new CreationLog(dir.resolve("checkpoints/userpool-users-created.log"), true)) {
                assertThat(log.createdEarlier("half")).isTrue();
                assertThat(log.createdEarlier("fresh")).isTrue();
                assertThat(log.createdEarlier("seeded")).as("was in Stack B before").isFalse();
            }
        }
    }

    private static String pool(CognitoIdentityProviderClient cognito, String name) {
        return cognito.createUserPool(r -> r.poolName(name).schema(SchemaAttributeType.builder().name("department")
                .attributeDataType("String").mutable(true).build())).userPool().id();
    }

    /** 130 users (3 ListUsers pages), every 10th disabled, with verified flags; 63 groups (2 pages); "everyone" holds all. */
    private static void seed(CognitoIdentityProviderClient cognito, String pool) {
        for (int g = 0; g < GROUPS - 1; g++) {
            int n = g;
            cognito.createGroup(r -> r.userPoolId(pool).groupName("group-" + n).description("Group " + n).precedence(n)
                    .roleArn("arn:aws:iam::123456789012:role/group-" + n));
        }
        cognito.createGroup(r -> r.userPoolId(pool).groupName("everyone"));
        for (int i = 0; i < USERS; i++) {
            String name = String.format("user-%03d", i);
            int n = i;
            cognito.adminCreateUser(r -> r.userPoolId(pool).username(name).messageAction("SUPPRESS").userAttributes(
                    attribute("email", name + "@example.com"), attribute("email_verified", n % 3 == 0 ? "false" : "true"),
                    attribute("phone_number", "+4178000" + String.format("%04d", n)), attribute("phone_number_verified", "true"),
                    attribute("given_name", "Zoë " + n), attribute("custom:department", "dept, " + (n % 4))));
            cognito.adminAddUserToGroup(r -> r.userPoolId(pool).username(name).groupName("group-" + (n % (GROUPS - 1))));
            cognito.adminAddUserToGroup(r -> r.userPoolId(pool).username(name).groupName("everyone"));
            if (i % 10 == 0) {
                cognito.adminDisableUser(r -> r.userPoolId(pool).username(name));
            }
        }
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    /** Each user's enabled flag and attributes, sub left out (Cognito gives every new user a new one). */
    private static Map<String, String> users(CognitoIdentityProviderClient cognito, String pool) {
        Map<String, String> users = new TreeMap<>();
        for (UserType u : cognito.listUsersPaginator(r -> r.userPoolId(pool)).users()) {
            Map<String, String> attributes = u.attributes().stream().filter(a -> !a.name().equals("sub"))
                    .collect(Collectors.toMap(AttributeType::name, AttributeType::value, (a, b) -> a, TreeMap::new));
            users.put(u.username(), u.enabled() + " " + attributes);
        }
        return users;
    }

    private static Map<String, String> subs(CognitoIdentityProviderClient cognito, String pool) {
        Map<String, String> subs = new TreeMap<>();
        for (UserType u : cognito.listUsersPaginator(r -> r.userPoolId(pool)).users()) {
            u.attributes().stream().filter(a -> a.name().equals("sub")).forEach(a -> subs.put(u.username(), a.value()));
        }
        return subs;
    }

    private static Map<String, String> groups(CognitoIdentityProviderClient cognito, String pool) {
        Map<String, String> groups = new TreeMap<>();
        for (GroupType g : cognito.listGroupsPaginator(r -> r.userPoolId(pool)).groups()) {
            groups.put(g.groupName(), g.description() + "|" + g.precedence() + "|" + g.roleArn());
        }
        return groups;
    }

    private static List<String> groupsOf(CognitoIdentityProviderClient cognito, String pool, String user) {
        return cognito.adminListGroupsForUser(r -> r.userPoolId(pool).username(user)).groups().stream()
                .map(GroupType::groupName).sorted().toList();
    }

    private static Path schema(LocalAws aws, Path dir, String source, String target, String extra) throws Exception {
        String endpoint = "\"endpoints\": {\"cognito\": \"" + aws.cognitoEndpoint().get() + "\"}";
        return Files.writeString(dir.resolve("pools.json"), """
                {"schemaVersion": "1.0",
                 "source": {"region": "%s", %s}, "target": {"region": "%s", %s},
                 "userPools": [{"name": "users", "source": "%s", "target": "%s", "existingUsers": "skip",
                                "requestsPerSecond": 1000%s}],
                 "options": {"concurrency": 4, "maxRetries": 8, "ifTargetNotEmpty": "skip-existing"}}
                """.formatted(REGION, endpoint, REGION, endpoint, source, target, extra));
    }

    private static int run(Path schema, Path dir, StringWriter out) {
        return dev.migrator.testkit.Cli.run(out, "run", schema.toString(), "--state-dir", dir.resolve("state").toString());
    }

    private static StepResult step(Path schema, Path dir, UserPoolGateway source, UserPoolGateway target) throws Exception {
        var loaded = (LoadResult.Valid) new SchemaLoader().load(schema);
        UserPoolPair pair = loaded.schema().userPools().get(0);
        return new UserPoolStep(pair, loaded.schema().options(), source, target).copy(new StepContext(dir, ProgressListener.NONE).withBackoff(Backoff.NONE));
    }
}
