package dev.migrator.store.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.aws.EndpointResolver;
import dev.migrator.aws.SignedRoutes;
import dev.migrator.aws.StackClients;
import dev.migrator.model.StackSpec;
import dev.migrator.support.AwsErrors;
import dev.migrator.support.Retryable;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * BatchWriteItem of raw items sent straight on the route the SDK showed: how it reads each answer, and batches through
 * it against DynamoDB Local that come out typed exactly as they went in.
 */
@ExtendWith(LocalAwsExtension.class)
class DirectBatchWriteTest {

    private static SdkHttpResponse ok(String body) {
        CRC32 crc = new CRC32();
        crc.update(bytes(body));
        return SdkHttpResponse.builder().statusCode(200).putHeader("x-amz-crc32", Long.toString(crc.getValue())).build();
    }

    @Test
    void aSuccessGivesTheUnprocessedItemsTypedAndTheCapacity() {
        String body = "{\"UnprocessedItems\":{\"t\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"1.50\"},\"b\":{\"B\":\"AAE=\"}}}}]},"
                + "\"ConsumedCapacity\":[{\"TableName\":\"t\",\"CapacityUnits\":24.0}]}";
        TableGateway.WriteResult result = DirectBatchWrite.answer("t", ok(body), bytes(body)).orElseThrow();
        assertThat(result.unprocessed()).containsExactly(Map.of("pk", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1.50"),
                "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1}))));
        assertThat(result.consumedCapacity()).isEqualTo(24.0);
        assertThat(DirectBatchWrite.answer("t", ok("{\"UnprocessedItems\":{}}"), bytes("{\"UnprocessedItems\":{}}")))
                .contains(new TableGateway.WriteResult(List.of(), 0));
    }

    @Test
    void aBadChecksumAnUnexpectedShapeAndEveryOtherFailureAreLeftToTheSdk() {
        String body = "{\"UnprocessedItems\":{}}";
        SdkHttpResponse badCrc = SdkHttpResponse.builder().statusCode(200).putHeader("x-amz-crc32", "1").build();
        assertThat(DirectBatchWrite.answer("t", badCrc, bytes(body))).isEmpty();
        String other = "{\"UnprocessedItems\":{\"u\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"a\"}}}}]}}";
        assertThat(DirectBatchWrite.answer("t", ok(other), bytes(other))).isEmpty();
        assertThat(DirectBatchWrite.answer("t", ok("not json"), bytes("not json"))).isEmpty();
        String invalid = "{\"__type\":\"com.amazon.coral.validate#ValidationException\",\"message\":\"Item size has exceeded the maximum\"}";
        assertThat(DirectBatchWrite.answer("t", SdkHttpResponse.builder().statusCode(400).build(), bytes(invalid))).isEmpty();
        assertThat(DirectBatchWrite.refused(SdkHttpResponse.builder().statusCode(400).build(), bytes(invalid))).isFalse();
        String signature = "{\"__type\":\"com.amazon.coral.service#InvalidSignatureException\",\"message\":\"The request signature ...\"}";
        assertThat(DirectBatchWrite.refused(SdkHttpResponse.builder().statusCode(400).build(), bytes(signature))).isTrue();
    }

    @Test
    void throttlingAndServerErrorsComeOutAsTheSdksWould() {
        String throttled = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\",\"message\":\"Rate exceeded\"}";
        assertThatThrownBy(() -> DirectBatchWrite.answer("t", SdkHttpResponse.builder().statusCode(400).putHeader("x-amzn-RequestId", "R2").build(),
                bytes(throttled))).isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(Retryable.isThrottling(e)).isTrue();
                    assertThat(e.requestId()).isEqualTo("R2");
                    assertThat(AwsErrors.describe(e)).isEqualTo("ProvisionedThroughputExceededException (HTTP 400): Rate exceeded");
                });
        String limit = "{\"__type\":\"com.amazon.coral.availability#ThrottlingException\",\"message\":\"slow down\"}";
        assertThatThrownBy(() -> DirectBatchWrite.answer("t", SdkHttpResponse.builder().statusCode(400).build(), bytes(limit)))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(Retryable.isThrottling(e)).isTrue());
        assertThatThrownBy(() -> DirectBatchWrite.answer("t", SdkHttpResponse.builder().statusCode(500).build(), bytes("{}")))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(Retryable.isRetryable(e)).isTrue());
    }

    @Test
    void batchesAfterTheFirstGoStraightAndEveryTypeComesOutExact(LocalAws aws) {
        StackSpec stack = new StackSpec("target", "us-east-1", Optional.empty(), Optional.empty(), Optional.empty(),
                new StackSpec.ServiceEndpoints(Optional.empty(), Optional.empty(), Optional.of(aws.dynamoDbEndpoint()), Optional.empty()), "/target");
        String source = LocalAws.uniqueName("direct-a");
        String target = LocalAws.uniqueName("direct-b");
        try (StackClients clients = new StackClients(stack, new EndpointResolver(Map.of()), 16); DynamoDbClient ddb = aws.dynamoDb("us-east-1")) {
            TableFixtures.create(ddb, source, "pk", "S", null, null, null);
            TableFixtures.create(ddb, target, "pk", "S", null, null, null);
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                items.add(Map.of("pk", AttributeValue.fromS("item-" + i + "-ключ"), "n", AttributeValue.fromN("-1.0E" + i),
                        "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) i, 0, -1})),
                        "ss", AttributeValue.fromSs(List.of("a", "b\"")), "l", AttributeValue.fromL(List.of(AttributeValue.fromNul(true),
                                AttributeValue.fromBool(false), AttributeValue.fromM(Map.of("x", AttributeValue.fromNs(List.of("1", "2"))))))));
            }
            TableFixtures.put(ddb, source, items);
            SdkTableGateway gateway = new SdkTableGateway(clients.dynamoDb());
            List<Map<String, AttributeValue>> raw = gateway.scanToCopy(source, 0, 1, null, 100, false, Set.of("pk")).items();
            assertThat(raw).hasSize(60).allMatch(RawItem.class::isInstance);
            DirectBatchWrite direct = new DirectBatchWrite(SignedRoutes.of(clients.dynamoDb()).orElseThrow());
            assertThat(direct.write(target, RawBatchBody.of(target, raw.subList(0, 20), false))).as("no route before the SDK's first").isEmpty();
            gateway.batchWrite(target, raw.subList(0, 20), false);

            assertThat(direct.write(target, RawBatchBody.of(target, raw.subList(20, 40), true))).hasValueSatisfying(r -> {
                assertThat(r.unprocessed()).isEmpty();
                assertThat(r.consumedCapacity()).isPositive();
            });
            assertThat(gateway.batchWrite(target, raw.subList(40, 60), false).unprocessed()).isEmpty();
            assertThat(TableFixtures.byKey(ddb, target, List.of("pk"))).isEqualTo(TableFixtures.byKey(ddb, source, List.of("pk")));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
