package dev.migrator.aws;

import dev.migrator.support.AwsErrors;
import dev.migrator.support.Concurrently;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Checks a stack once per service before the steps do: credentials, then one cheap read per service the
 * schema uses. A failure that would hit every step (no credentials, connection refused, unknown host, 5xx)
 * becomes one {@link StackAccess.Problem}; access denied or a missing resource is left to the steps, which
 * name the resource. Read-only.
 */
public final class StackProbe {
    private final StackClients clients;

    public StackProbe(StackClients clients) {
        this.clients = clients;
    }

    public StackAccess probe(Set<AwsService> services) {
        if (services.isEmpty()) { // a plan of Redis pairs only: no AWS call, so no credentials asked for
            return new StackAccess(clients.stack().role(), clients.stack().region(), Map.of(), clients.credentialSource(),
                    "not asked (the plan calls no AWS service)", List.of());
        }
        Map<String, String> endpoints = new LinkedHashMap<>();
        for (AwsService service : services) {
            endpoints.put(service.name().toLowerCase(), clients.endpoints().resolve(clients.stack(), service)
                    .map(Object::toString).orElse("AWS default for " + clients.stack().region())
                    + " (" + clients.endpoints().describe(clients.stack(), service) + ")");
        }
        List<StackAccess.Problem> problems = new ArrayList<>();
        String credentialProblem = credentialProblem();
        if (credentialProblem != null) {
            problems.add(new StackAccess.Problem(List.copyOf(services), credentialProblem,
                    "give this stack credentials: AWS_PROFILE or \"profile\" in the schema's stack, AWS_ACCESS_KEY_ID and "
                            + "AWS_SECRET_ACCESS_KEY, or a role; 'aws sts get-caller-identity' shows what the chain finds"));
            return new StackAccess(clients.stack().role(), clients.stack().region(), endpoints, clients.credentialSource(),
                    "unknown (no credentials)", problems);
        }
        // side by side with the services' reads: each is a round trip, and the account never fails the probe
        Supplier<String> account = Concurrently.start("account-" + clients.stack().role(), () -> account(services));
        for (AwsService service : services) {
            String problem = reach(service);
            if (problem != null) {
                problems.add(new StackAccess.Problem(List.of(service), problem + " (endpoint "
                        + endpoints.get(service.name().toLowerCase()) + ")",
                        "check that the endpoint is up and reachable from here, and the region " + clients.stack().region()));
            }
        }
        return new StackAccess(clients.stack().role(), clients.stack().region(), endpoints, clients.credentialSource(),
                account.get(), problems);
    }

    private String credentialProblem() {
        try {
            clients.credentials().resolveCredentials();
            return null;
        } catch (RuntimeException e) {
            String why = AwsErrors.describe(e);
            return why.startsWith("none of the default") ? "no credentials: " + why : "no credentials from " + clients.credentialSource()
                    + ": " + why;
        }
    }

    /** One cheap read; null when the service answers (even "access denied" or "not found"). */
    private String reach(AwsService service) {
        Consumer<Void> call = switch (service) {
            case S3 -> v -> clients.s3().listBuckets(r -> r.maxBuckets(1));
            case DYNAMODB -> v -> clients.dynamoDb().listTables(r -> r.limit(1));
            case COGNITO -> v -> clients.cognito().listUserPools(r -> r.maxResults(1));
            default -> v -> { };
        };
        try {
            call.accept(null);
            return null;
        } catch (AwsServiceException e) {
            return e.statusCode() >= 500 ? "answers " + AwsErrors.describe(e) : null;
        } catch (SdkClientException e) {
            return "cannot connect: " + AwsErrors.describe(e);
        }
    }

    /**
     * The IAM principal the stack's credentials act as (an assumed role's role ARN, not its session), where STS
     * answers; empty otherwise. For policies migrator prints for the operator to add.
     */
    public static java.util.Optional<String> principal(StackClients clients) {
        if (clients.endpoints().resolve(clients.stack(), AwsService.S3).isPresent()
                && clients.endpoints().resolve(clients.stack(), AwsService.STS).isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            String arn = clients.sts().getCallerIdentity().arn();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^arn:(aws[\\w-]*):sts::(\\d+):assumed-role/([^/]+)/.*$").matcher(arn);
            return java.util.Optional.of(m.matches() ? "arn:" + m.group(1) + ":iam::" + m.group(2) + ":role/" + m.group(3) : arn);
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The account the credentials belong to, where STS answers; never fails the run. */
    private String account(Set<AwsService> services) {
        // the endpoints as the clients resolve them (schema or AWS_ENDPOINT_URL_*), not the schema's alone
        boolean local = services.stream().anyMatch(s -> clients.endpoints().resolve(clients.stack(), s).isPresent());
        if (local && clients.endpoints().resolve(clients.stack(), AwsService.STS).isEmpty()) {
            return "not asked (custom endpoints and no STS endpoint)";
        }
        try {
            return clients.sts().getCallerIdentity().account();
        } catch (RuntimeException e) {
            return "unknown (" + AwsErrors.describe(e) + ")";
        }
    }
}
