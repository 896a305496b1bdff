package dev.migrator.store.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrator.aws.SignedRoutes;
import dev.migrator.transform.DynamoJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * A BatchWriteItem of items as DynamoDB's own JSON ({@link RawBatchBody}), sent on the route the SDK used for the
 * table's earlier writes ({@link SignedRoutes}), signed by the SDK's SigV4 signer and sent through the same HTTP client,
 * without the rest of the SDK's request pipeline. Its answer is read here: the unprocessed items and the capacity
 * consumed, its {@code x-amz-crc32} checked. Throttling and 5xx come out as the SDK's exceptions would; any other
 * answer is left to the SDK, which sends the same batch again (putting the same items twice is harmless) and reads
 * that answer its own way.
 */
final class DirectBatchWrite {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER_AGENT = "migrator aws-sdk-java/direct-write";
    private final SignedRoutes routes;

    DirectBatchWrite(SignedRoutes routes) {
        this.routes = routes;
    }

    /** The batch written, or empty when it is the SDK's to write (no route yet, or an answer it must read). */
    Optional<TableGateway.WriteResult> write(String table, byte[] body) {
        Optional<SignedRoutes.Route> route = routes.writeRoute(table);
        if (route.isEmpty()) {
            return Optional.empty();
        }
        SignedRoutes.Answer answer = routes.send(route.get(), request(route.get(), body), Optional.of(body));
        Optional<TableGateway.WriteResult> result = answer(table, answer.response(), answer.body());
        if (result.isEmpty() && refused(answer.response(), answer.body())) {
            routes.refuseWrites(table);
        }
        return result;
    }

    /** The unsigned request: BatchWriteItem as the SDK sends it, with this body. Pure. */
    static SdkHttpFullRequest request(SignedRoutes.Route route, byte[] body) {
        return SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).protocol(route.protocol()).host(route.host()).port(route.port())
                .encodedPath(route.pathPrefix()).putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", "DynamoDB_20120810.BatchWriteItem").putHeader("Content-Length", Integer.toString(body.length))
                .putHeader("User-Agent", USER_AGENT).build();
    }

    /** Whether DynamoDB refused the request itself (403, or a signature or token it could not check), not the writes. Pure. */
    static boolean refused(SdkHttpResponse response, byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return response.statusCode() == 403 || text.contains("InvalidSignatureException") || text.contains("IncompleteSignature")
                || text.contains("UnrecognizedClientException") || text.contains("MissingAuthenticationToken");
    }

    /**
     * What an answer means: the batch's result; throttling or a 5xx as the SDK would throw it; empty for anything else
     * (a body whose checksum or shape is not as expected included), the SDK's to read. Pure.
     */
    static Optional<TableGateway.WriteResult> answer(String table, SdkHttpResponse response, byte[] body) {
        Optional<String> crc = response.firstMatchingHeader("x-amz-crc32");
        if (crc.isPresent() && !crc.get().equals(Long.toString(crc32(body)))) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            json = null;
        }
        if (response.isSuccessful()) {
            return json == null || !json.isObject() ? Optional.empty() : result(table, json);
        }
        String type = json == null ? "" : json.path("__type").asText("");
        String code = type.substring(type.lastIndexOf('#') + 1);
        int status = response.statusCode();
        boolean throttled = code.equals("ProvisionedThroughputExceededException") || code.equals("ThrottlingException")
                || code.equals("RequestLimitExceeded");
        if (!throttled && status < 500) {
            return Optional.empty();
        }
        String message = json == null ? "HTTP " + status : json.path("message").asText(json.path("Message").asText("HTTP " + status));
        String requestId = response.firstMatchingHeader("x-amzn-RequestId").orElse(null);
        AwsErrorDetails details = AwsErrorDetails.builder().errorCode(code.isEmpty() ? String.valueOf(status) : code).errorMessage(message)
                .serviceName("DynamoDb").sdkHttpResponse(response).build();
        String text = message + " (Service: DynamoDb, Status Code: " + status + ", Request ID: " + requestId + ")";
        throw code.equals("ProvisionedThroughputExceededException")
                ? ProvisionedThroughputExceededException.builder().statusCode(status).requestId(requestId).message(text).awsErrorDetails(details).build()
                : DynamoDbException.builder().statusCode(status).requestId(requestId).message(text).awsErrorDetails(details).build();
    }

    private static Optional<TableGateway.WriteResult> result(String table, JsonNode json) {
        List<Map<String, AttributeValue>> unprocessed = new ArrayList<>();
        for (JsonNode write : json.path("UnprocessedItems").path(table)) {
            JsonNode item = write.path("PutRequest").path("Item");
            if (!item.isObject()) {
                return Optional.empty(); // not a put of ours: the SDK reads it
            }
            unprocessed.add(DynamoJson.item(item));
        }
        if (json.path("UnprocessedItems").size() > (json.path("UnprocessedItems").has(table) ? 1 : 0)) {
            return Optional.empty();
        }
        double consumed = 0;
        for (JsonNode c : json.path("ConsumedCapacity")) {
            consumed += c.path("CapacityUnits").asDouble(0);
        }
        return Optional.of(new TableGateway.WriteResult(unprocessed, consumed));
    }

    private static long crc32(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return crc.getValue();
    }
}
