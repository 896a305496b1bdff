package dev.migrator.testkit;

import dev.migrator.local.LocalEmulators;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The emulators a test talks to, and SDK clients for arranging and checking data. */
public record LocalAws(LocalEmulators emulators) {

    public static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LocalEmulators.ACCESS_KEY, LocalEmulators.SECRET_KEY));

    public URI dynamoDbEndpoint() {
        return emulators.dynamoDbEndpoint();
    }

    public URI s3Endpoint() {
        return emulators.s3Endpoint();
    }

    public Optional<URI> cognitoEndpoint() {
        return emulators.cognitoEndpoint();
    }

    /** moto's server (where installed) serves S3 too, with tagging, which S3Proxy lacks. */
    public Optional<URI> motoEndpoint() {
        return emulators.cognitoEndpoint();
    }

    public S3Client motoS3(String region) {
        return S3Client.builder().region(Region.of(region)).credentialsProvider(CREDENTIALS)
                .endpointOverride(motoEndpoint().orElseThrow()).forcePathStyle(true).build();
    }

    public DynamoDbClient dynamoDb(String region) {
        return DynamoDbClient.builder().region(Region.of(region)).credentialsProvider(CREDENTIALS)
                .endpointOverride(dynamoDbEndpoint()).build();
    }

    public S3Client s3(String region) {
        return S3Client.builder().region(Region.of(region)).credentialsProvider(CREDENTIALS)
                .endpointOverride(s3Endpoint()).forcePathStyle(true).build();
    }

    public CognitoIdentityProviderClient cognito(String region) {
        return CognitoIdentityProviderClient.builder().region(Region.of(region)).credentialsProvider(CREDENTIALS)
                .endpointOverride(cognitoEndpoint().orElseThrow()).build();
    }

    /** A lowercase name no other test uses, valid for buckets and tables alike. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
