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

/**
 * The AWS-compatible services a test talks to (DynamoDB Local, S3Proxy and moto by default; LocalStack with
 * {@code -Plocalstack}), and SDK clients for arranging and checking data.
 */
public record LocalAws(URI dynamoDbEndpoint, URI s3Endpoint, Optional<URI> cognitoEndpoint, Optional<URI> motoEndpoint) {

    public static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LocalEmulators.ACCESS_KEY, LocalEmulators.SECRET_KEY));

    /** The emulators this project starts without Docker; moto's server (where installed) serves Cognito and S3 with tagging. */
    public static LocalAws of(LocalEmulators emulators) {
        return new LocalAws(emulators.dynamoDbEndpoint(), emulators.s3Endpoint(), emulators.cognitoEndpoint(),
                emulators.cognitoEndpoint());
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
