package dev.migrator.aws;

import dev.migrator.model.StackSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The SDK clients of one stack, built lazily with that stack's region, credentials (default chain,
 * named profile, optional assumed role) and endpoints. S3 uses path-style addressing whenever its
 * endpoint is overridden. Closing it closes every client it built.
 */
public final class StackClients implements AutoCloseable {
    private final StackSpec stack;
    private final EndpointResolver endpoints;
    private final SdkHttpClient http;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private AwsCredentialsProvider credentials;
    private S3Client s3;
    private DynamoDbClient dynamoDb;
    private DynamoDbStreamsClient streams;
    private CognitoIdentityProviderClient cognito;

    public StackClients(StackSpec stack, EndpointResolver endpoints, int maxConnections) {
        this.stack = stack;
        this.endpoints = endpoints;
        this.http = ApacheHttpClient.builder()
                .maxConnections(Math.max(16, maxConnections))
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(Duration.ofSeconds(120))
                .build();
    }

    public StackSpec stack() {
        return stack;
    }

    public EndpointResolver endpoints() {
        return endpoints;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            // checksums only where S3 requires one: a server-side copy has no body to sum, and S3-compatible stores
            // refuse the headers the SDK otherwise adds to every request
            var builder = S3Client.builder().forcePathStyle(endpoints.resolve(stack, AwsService.S3).isPresent())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            s3 = track(configure(builder, AwsService.S3).build());
        }
        return s3;
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = track(configure(DynamoDbClient.builder(), AwsService.DYNAMODB).build());
        }
        return dynamoDb;
    }

    public synchronized DynamoDbStreamsClient dynamoDbStreams() {
        if (streams == null) {
            streams = track(configure(DynamoDbStreamsClient.builder(), AwsService.DYNAMODB_STREAMS).build());
        }
        return streams;
    }

    public synchronized CognitoIdentityProviderClient cognito() {
        if (cognito == null) {
            cognito = track(configure(CognitoIdentityProviderClient.builder(), AwsService.COGNITO).build());
        }
        return cognito;
    }

    private <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
            B configure(B builder, AwsService service) {
        builder.region(Region.of(stack.region())).credentialsProvider(credentials()).httpClient(http)
                // one retry layer: migrator's own (RetryPolicy, options.maxRetries), so attempts never multiply
                .overrideConfiguration(o -> {
                    o.retryStrategy(AwsRetryStrategy.doNotRetry());
                    if (service == AwsService.DYNAMODB || service == AwsService.S3) { // items copied unchanged move as
                        // DynamoDB's own JSON; a CopyObject's result is read without an XML parser
                        o.addExecutionInterceptor(new BodySwap());
                    }
                    if (service == AwsService.S3 || service == AwsService.DYNAMODB) { // later copies to a bucket and
                        // writes to a table go straight on the route of the first
                        o.addExecutionInterceptor(new SignedRoutes(http, credentials()));
                    }
                });
        endpoints.resolve(stack, service).ifPresent(builder::endpointOverride);
        return builder;
    }

    /** Where this stack's credentials come from, in words (never a secret). */
    public String credentialSource() {
        String base = stack.profile().map(p -> "profile '" + p + "'")
                .orElse("the default chain (environment, system properties, web identity, profile, container, instance)");
        return stack.roleArn().map(arn -> "role " + arn + " assumed with " + base).orElse(base);
    }

    synchronized StsClient sts() {
        var builder = configure(StsClient.builder(), AwsService.STS);
        return track(builder.build());
    }

    synchronized AwsCredentialsProvider credentials() {
        if (credentials == null) {
            AwsCredentialsProvider base = stack.profile()
                    .<AwsCredentialsProvider>map(p -> ProfileCredentialsProvider.builder().profileName(p).build())
                    .orElseGet(() -> DefaultCredentialsProvider.builder().build());
            credentials = stack.roleArn().<AwsCredentialsProvider>map(arn -> assumeRole(base, arn)).orElse(base);
        }
        return credentials;
    }

    private AwsCredentialsProvider assumeRole(AwsCredentialsProvider base, String roleArn) {
        var sts = StsClient.builder().region(Region.of(stack.region())).credentialsProvider(base).httpClient(http);
        endpoints.resolve(stack, AwsService.STS).ifPresent(sts::endpointOverride);
        StsClient client = track(sts.build());
        return track(StsAssumeRoleCredentialsProvider.builder().stsClient(client)
                .refreshRequest(r -> {
                    r.roleArn(roleArn).roleSessionName("migrator-" + stack.role());
                    stack.externalId().ifPresent(r::externalId);
                })
                .build());
    }

    private <T extends AutoCloseable> T track(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        }
        opened.clear();
        http.close();
    }
}
