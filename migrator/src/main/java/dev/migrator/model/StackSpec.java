package dev.migrator.model;

import java.net.URI;
import java.util.Optional;

/**
 * One side of the migration (Stack A or Stack B): where its resources live and how to reach them.
 * Endpoints given here win over the AWS endpoint environment variables.
 */
public record StackSpec(
        String role,
        String region,
        Optional<String> profile,
        Optional<String> roleArn,
        Optional<String> externalId,
        ServiceEndpoints endpoints,
        String pointer) {

    public static StackSpec ofRegion(String role, String region, String pointer) {
        return new StackSpec(role, region, Optional.empty(), Optional.empty(), Optional.empty(),
                ServiceEndpoints.NONE, pointer);
    }

    /** Endpoint overrides per service; a service's own entry wins over {@code all}. */
    public record ServiceEndpoints(
            Optional<URI> all, Optional<URI> s3, Optional<URI> dynamodb, Optional<URI> cognito) {
        public static final ServiceEndpoints NONE =
                new ServiceEndpoints(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
