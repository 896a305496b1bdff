package dev.migrator.aws;

import java.util.List;
import java.util.Map;

/**
 * What one stack looks like from here, checked once before any step: its region, the endpoint of each
 * service the schema uses (and where that came from), where its credentials come from, its account (STS
 * GetCallerIdentity where reachable), and the services that cannot be used at all, each with one line and
 * its fix instead of one failure per step.
 */
public record StackAccess(String role, String region, Map<String, String> endpoints, String credentials, String account,
                          List<Problem> problems) {

    public StackAccess {
        endpoints = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(endpoints)); // in the order probed
        problems = List.copyOf(problems);
    }

    /** Services of this stack every step using them would fail on: no credentials, no connection, 5xx to everything. */
    public record Problem(List<AwsService> services, String message, String fix) {
        public Problem {
            services = List.copyOf(services);
        }

        /** "s3, dynamodb". */
        public String serviceNames() {
            return String.join(", ", services.stream().map(s -> s.name().toLowerCase()).toList());
        }
    }

    /** The problem that stops every use of {@code service} on this stack, if any. */
    public java.util.Optional<Problem> problemWith(AwsService service) {
        return problems.stream().filter(p -> p.services().contains(service)).findFirst();
    }

    /** "stack A (source)" or "stack B (target)". */
    public String label() {
        return "source".equals(role) ? "stack A (source)" : "stack B (target)";
    }
}
