package dev.migrator.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrator.model.StackSpec;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Checks each stack's region, role ARN and endpoint URLs. */
final class StackCheck {
    private final JsonNode root;
    private final ProblemCollector problems;

    StackCheck(JsonNode root, ProblemCollector problems) {
        this.root = root;
        this.problems = problems;
    }

    void check(StackSpec source, StackSpec target) {
        for (StackSpec stack : new StackSpec[] {source, target}) {
            region(stack);
            stack.roleArn().ifPresent(arn -> {
                String problem = NamingRules.roleArnProblem(arn);
                if (problem != null) {
                    problems.error(stack.pointer() + "/roleArn", problem, "copy the role's ARN from IAM");
                }
            });
            endpoints(stack.pointer());
        }
    }

    static boolean sameEndpoint(StackSpec a, StackSpec b, Function<StackSpec.ServiceEndpoints, Optional<URI>> service) {
        return effective(a, service).equals(effective(b, service));
    }

    private static Optional<URI> effective(StackSpec stack, Function<StackSpec.ServiceEndpoints, Optional<URI>> service) {
        return service.apply(stack.endpoints()).or(() -> stack.endpoints().all());
    }

    private void region(StackSpec stack) {
        String pointer = stack.pointer().startsWith("/region") ? stack.pointer() : stack.pointer() + "/region";
        String problem = NamingRules.regionProblem(stack.region());
        if (problem != null) {
            String closest = Suggestions.closest(stack.region(), NamingRules.KNOWN_REGIONS);
            problems.error(pointer, problem, closest != null ? "did you mean \"" + closest + "\"?"
                    : "use a region code such as us-east-1 or eu-west-1");
        } else if (!NamingRules.isKnownRegion(stack.region())) {
            problems.warning(pointer, "region '" + stack.region() + "' is not one this migrator knows",
                    "check the spelling; a region launched after this release is fine");
        }
    }

    private void endpoints(String stackPointer) {
        if (stackPointer.startsWith("/region")) {
            return; // the VAMS format has no endpoints
        }
        JsonNode stack = root.at(stackPointer);
        endpoint(stackPointer + "/endpoint", stack.path("endpoint"));
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) () -> stack.path("endpoints").fields()) {
            endpoint(stackPointer + "/endpoints/" + e.getKey(), e.getValue());
        }
    }

    private void endpoint(String pointer, JsonNode value) {
        if (!value.isTextual()) {
            return;
        }
        String text = value.textValue();
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                problems.error(pointer, "'" + text + "' is not an http(s) URL with a host",
                        "write it as http://127.0.0.1:4566 or https://s3.eu-west-1.amazonaws.com");
            }
        } catch (java.net.URISyntaxException e) {
            problems.error(pointer, "'" + text + "' is not a URL: " + e.getReason(),
                    "write it as http://127.0.0.1:4566 or https://s3.eu-west-1.amazonaws.com");
        }
    }
}
