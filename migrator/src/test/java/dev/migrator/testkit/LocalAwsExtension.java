package dev.migrator.testkit;

import dev.migrator.local.LocalEmulators;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link LocalAws}: DynamoDB Local, S3Proxy and (where installed) moto, started once
 * per test JVM on free 127.0.0.1 ports and stopped when the JVM's tests end. No Docker. The
 * credentials are set as the SDK's system properties so the tool's default chain finds them.
 */
public final class LocalAwsExtension implements ParameterResolver {

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
        try {
            Path home = LocalEmulators.locateHome();
            return new Started(new LocalAws(LocalEmulators.start(home, Path.of("target", "emulator-logs"))));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not start the local emulators: " + e.getMessage(), e);
        }
    }

    /** Closed by JUnit when the root context closes. */
    private record Started(LocalAws aws) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            aws.emulators().close();
        }
    }
}
