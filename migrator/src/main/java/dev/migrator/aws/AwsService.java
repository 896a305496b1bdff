package dev.migrator.aws;

import dev.migrator.model.StackSpec;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/** The AWS services migrator calls, with the suffix of their AWS_ENDPOINT_URL_* variable. */
public enum AwsService {
    S3("S3", StackSpec.ServiceEndpoints::s3),
    DYNAMODB("DYNAMODB", StackSpec.ServiceEndpoints::dynamodb),
    DYNAMODB_STREAMS("DYNAMODB_STREAMS", StackSpec.ServiceEndpoints::dynamodb),
    COGNITO("COGNITO_IDENTITY_PROVIDER", StackSpec.ServiceEndpoints::cognito),
    STS("STS", e -> Optional.empty());

    private final String environmentSuffix;
    private final Function<StackSpec.ServiceEndpoints, Optional<URI>> schemaEndpoint;

    AwsService(String environmentSuffix, Function<StackSpec.ServiceEndpoints, Optional<URI>> schemaEndpoint) {
        this.environmentSuffix = environmentSuffix;
        this.schemaEndpoint = schemaEndpoint;
    }

    public String environmentVariable() {
        return "AWS_ENDPOINT_URL_" + environmentSuffix;
    }

    Optional<URI> fromSchema(StackSpec.ServiceEndpoints endpoints) {
        return schemaEndpoint.apply(endpoints);
    }
}
