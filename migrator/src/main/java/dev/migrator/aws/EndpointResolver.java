package dev.migrator.aws;

import dev.migrator.model.StackSpec;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which endpoint a client uses: the schema's per-service endpoint, then the schema's
 * stack-wide endpoint, then {@code AWS_ENDPOINT_URL_<SERVICE>}, then {@code AWS_ENDPOINT_URL}, as the
 * AWS CLI and SDKs define them ({@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true} turns the variables
 * off). Empty means the SDK's regional default.
 */
public record EndpointResolver(Map<String, String> environment) {

    public static EndpointResolver fromSystemEnvironment() {
        return new EndpointResolver(System.getenv());
    }

    public Optional<URI> resolve(StackSpec stack, AwsService service) {
        Optional<URI> fromSchema = service.fromSchema(stack.endpoints()).or(() -> stack.endpoints().all());
        if (fromSchema.isPresent()) {
            return fromSchema;
        }
        if ("true".equalsIgnoreCase(environment.getOrDefault("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", ""))) {
            return Optional.empty();
        }
        return variable(service.environmentVariable()).or(() -> variable("AWS_ENDPOINT_URL"));
    }

    /** Where the endpoint came from, for plan output (never a credential). */
    public String describe(StackSpec stack, AwsService service) {
        if (service.fromSchema(stack.endpoints()).isPresent()) {
            return "schema " + stack.pointer() + "/endpoints";
        }
        if (stack.endpoints().all().isPresent()) {
            return "schema " + stack.pointer() + "/endpoint";
        }
        Optional<URI> resolved = resolve(stack, service);
        if (resolved.isEmpty()) {
            return "AWS default for " + stack.region();
        }
        return variable(service.environmentVariable()).isPresent() ? service.environmentVariable() : "AWS_ENDPOINT_URL";
    }

    private Optional<URI> variable(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(URI.create(value.trim()));
    }
}
