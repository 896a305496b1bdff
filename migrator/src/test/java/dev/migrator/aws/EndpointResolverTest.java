package dev.migrator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.model.StackSpec;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointResolverTest {
    private static final StackSpec PLAIN = StackSpec.ofRegion("source", "us-east-1", "/source");

    @Test
    void noOverrideMeansTheRegionalDefault() {
        assertThat(new EndpointResolver(Map.of()).resolve(PLAIN, AwsService.S3)).isEmpty();
    }

    @Test
    void serviceVariableWinsOverTheGeneralOne() {
        var env = Map.of("AWS_ENDPOINT_URL", "http://general:1", "AWS_ENDPOINT_URL_DYNAMODB", "http://ddb:2",
                "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "http://cognito:3");
        var resolver = new EndpointResolver(env);
        assertThat(resolver.resolve(PLAIN, AwsService.DYNAMODB)).contains(URI.create("http://ddb:2"));
        assertThat(resolver.resolve(PLAIN, AwsService.COGNITO)).contains(URI.create("http://cognito:3"));
        assertThat(resolver.resolve(PLAIN, AwsService.S3)).contains(URI.create("http://general:1"));
        assertThat(resolver.describe(PLAIN, AwsService.DYNAMODB)).isEqualTo("AWS_ENDPOINT_URL_DYNAMODB");
    }

    @Test
    void schemaEndpointWinsOverTheEnvironment() {
        StackSpec stack = new StackSpec("target", "us-east-1", Optional.empty(), Optional.empty(), Optional.empty(),
                new StackSpec.ServiceEndpoints(Optional.of(URI.create("http://all:1")), Optional.of(URI.create("http://s3:2")),
                        Optional.empty(), Optional.empty()), "/target");
        var resolver = new EndpointResolver(Map.of("AWS_ENDPOINT_URL_S3", "http://env:9", "AWS_ENDPOINT_URL_DYNAMODB", "http://env:8"));
        assertThat(resolver.resolve(stack, AwsService.S3)).contains(URI.create("http://s3:2"));
        assertThat(resolver.resolve(stack, AwsService.DYNAMODB)).contains(URI.create("http://all:1"));
    }

    @Test
    void ignoreConfiguredEndpointsTurnsTheVariablesOff() {
        var env = Map.of("AWS_ENDPOINT_URL", "http://general:1", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        assertThat(new EndpointResolver(env).resolve(PLAIN, AwsService.S3)).isEmpty();
    }
}
