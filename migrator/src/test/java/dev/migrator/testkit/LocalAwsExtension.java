package dev.migrator.testkit;

import dev.migrator.local.LocalEmulators;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link LocalAws}, started once per test JVM and stopped when its tests end. The default backend:
 * DynamoDB Local, S3Proxy and (where installed) moto on free 127.0.0.1 ports, no Docker. With {@code -Plocalstack}
 * (system property {@code migrator.test.backend=localstack}): LocalStack through Testcontainers, and where no
 * Docker engine answers the tests are skipped with that reason. The credentials are set as the SDK's system
 * properties so the tool's default chain finds them.
 */
public final class LocalAwsExtension implements ParameterResolver, ExecutionCondition {
    static final String BACKEND = "migrator.test.backend";

    private static boolean localStack() {
        return "localstack".equals(System.getProperty(BACKEND));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (localStack()) {
            return LocalStackBackend.dockerProblem().map(ConditionEvaluationResult::disabled)
                    .orElseGet(() -> ConditionEvaluationResult.enabled("LocalStack backend"));
        }
        return ConditionEvaluationResult.enabled("local emulators");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalAws.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Started.class, k -> start(), Started.class).aws();
    }

    private static Started start() {
        System.setProperty("aws.accessKeyId", LocalEmulators.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", LocalEmulators.SECRET_KEY);
        if (localStack()) {
            LocalStackBackend backend = LocalStackBackend.start();
            return new Started(backend.aws(), backend);
        }
        try {
            Path home = LocalEmulators.locateHome();
            LocalEmulators emulators = LocalEmulators.start(home, Path.of("target", "emulator-logs"));
            return new Started(LocalAws.of(emulators), emulators);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not start the local emulators: " + e.getMessage(), e);
        }
    }

    /** Closed by JUnit when the root context closes. */
    private record Started(LocalAws aws, AutoCloseable owner) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            owner.close();
        }
    }
}
