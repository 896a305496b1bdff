package dev.migrator.testkit;

import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack in Docker (Testcontainers) as the tests' AWS: DynamoDB and S3 at its one endpoint. LocalStack's
 * community image has no Cognito, so the user pool tests are skipped as they are where moto is not installed.
 */
final class LocalStackBackend implements AutoCloseable {
    static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:3.8");
    private final LocalStackContainer container;

    private LocalStackBackend(LocalStackContainer container) {
        this.container = container;
    }

    /** Why LocalStack cannot run here, if it cannot: no Docker engine answers. */
    static Optional<String> dockerProblem() {
        try {
            return DockerClientFactory.instance().isDockerAvailable() ? Optional.empty()
                    : Optional.of("-Plocalstack asks for LocalStack, but no Docker engine answers here (Testcontainers found none); "
                            + "run without -Plocalstack to use DynamoDB Local and S3Proxy");
        } catch (RuntimeException e) {
            return Optional.of("-Plocalstack asks for LocalStack, but Docker cannot be used: " + e.getMessage());
        }
    }

    static LocalStackBackend start() {
        LocalStackContainer container = new LocalStackContainer(IMAGE)
                .withServices(LocalStackContainer.Service.S3, LocalStackContainer.Service.DYNAMODB);
        container.start();
        return new LocalStackBackend(container);
    }

    LocalAws aws() {
        java.net.URI endpoint = container.getEndpoint();
        return new LocalAws(endpoint, endpoint, Optional.empty(), Optional.empty());
    }

    @Override
    public void close() {
        container.stop();
    }
}
