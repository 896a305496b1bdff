package dev.migrator.store.table;

import dev.migrator.aws.BodySwap;
import dev.migrator.testkit.LocalAws;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** An HTTP client that answers every request with one canned 200 body, its x-amz-crc32 right or as given. */
final class CannedHttp implements SdkHttpClient {
    private final byte[] body;
    private final long crc32;

    private CannedHttp(String body, Long crc32) {
        this.body = body.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(this.body);
        this.crc32 = crc32 != null ? crc32 : crc.getValue();
    }

    /** A DynamoDB client with {@link BodySwap} whose every answer is {@code body}; {@code crc32} null: the right one. */
    static DynamoDbClient dynamoDb(String body, Long crc32) {
        return dynamoDb(new CannedHttp(body, crc32));
    }

    static CannedHttp answering(String body) {
        return new CannedHttp(body, null);
    }

    static DynamoDbClient dynamoDb(CannedHttp http) {
        return DynamoDbClient.builder().region(Region.US_EAST_1).credentialsProvider(LocalAws.CREDENTIALS)
                .endpointOverride(URI.create("http://127.0.0.1:9")).httpClient(http)
                .overrideConfiguration(o -> o.addExecutionInterceptor(new BodySwap())).build();
    }

    /** The last request sent, as it went on the wire (headers signed), and its body. */
    record Sent(software.amazon.awssdk.http.SdkHttpRequest request, byte[] body) {}

    private volatile Sent last;

    Sent last() {
        return last;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws java.io.IOException {
                byte[] sent = request.contentStreamProvider().isEmpty() ? new byte[0]
                        : request.contentStreamProvider().get().newStream().readAllBytes();
                last = new Sent(request.httpRequest(), sent);
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200).putHeader("x-amz-crc32", Long.toString(crc32))
                                .putHeader("Content-Length", Integer.toString(body.length)).build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
            }

            @Override
            public void abort() {}
        };
    }

    @Override
    public void close() {}
}
