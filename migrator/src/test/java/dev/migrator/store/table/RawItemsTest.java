package dev.migrator.store.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.aws.BodySwap;
import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.Crc32MismatchException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items copied unchanged move as DynamoDB's own JSON ({@link RawItem}, {@link BodySwap}): against DynamoDB Local the
 * bytes a Scan returned are what BatchWriteItem sends, unread past the key, and every type arrives exactly.
 */
@ExtendWith(LocalAwsExtension.class)
class RawItemsTest {
    private static final Set<String> KEYS = Set.of("pk", "sk");

    @Test
    void scannedItemsStayBytesUntilAskedAndWriteBackExactly(LocalAws aws) {
        String source = LocalAws.uniqueName("raw-a");
        String target = LocalAws.uniqueName("raw-b");
        try (DynamoDbClient plain = aws.dynamoDb("us-east-1"); DynamoDbClient swapping = swapping(aws)) {
            TableFixtures.create(plain, source, "pk", "S", "sk", "N", null);
            TableFixtures.create(plain, target, "pk", "S", "sk", "N", null);
            TableFixtures.put(plain, source, TableFixtures.rich(120, false));
            SdkTableGateway gateway = new SdkTableGateway(swapping);

            List<Map<String, AttributeValue>> raw = scanAll(gateway, source);
            assertThat(raw).hasSize(120).allSatisfy(item -> assertThat(item).isInstanceOf(RawItem.class));
            KeyCheck check = new KeyCheck(List.of(new TableInfo.KeyAttribute("pk", "HASH", "S"), new TableInfo.KeyAttribute("sk", "RANGE", "N")));
            raw.forEach(item -> assertThat(check.problem(item)).isNull());
            assertThat(raw).allSatisfy(item -> assertThat(((RawItem) item).wholeRead()).as("a key check reads only the key").isFalse());
            for (int i = 0; i < raw.size(); i += BatchWriter.MAX_BATCH) {
                assertThat(gateway.batchWrite(target, raw.subList(i, Math.min(raw.size(), i + BatchWriter.MAX_BATCH)), false).unprocessed()).isEmpty();
            }
            assertThat(raw).allSatisfy(item -> assertThat(((RawItem) item).wholeRead()).as("written unread").isFalse());

            var expected = TableFixtures.byKey(plain, source, List.of("pk", "sk"));
            assertThat(TableFixtures.byKey(plain, target, List.of("pk", "sk"))).hasSize(120).isEqualTo(expected);
            // read whole when asked: equal to what the SDK itself makes of the same item
            assertThat(new ArrayList<>(raw)).containsExactlyInAnyOrderElementsOf(expected.values());
        }
    }

    @Test
    void aClientWithoutTheSwapScansAndWritesAsBefore(LocalAws aws) {
        String source = LocalAws.uniqueName("raw-plain");
        try (DynamoDbClient plain = aws.dynamoDb("us-east-1")) {
            TableFixtures.create(plain, source, "pk", "S", "sk", "N", null);
            TableFixtures.put(plain, source, TableFixtures.rich(30, false));
            List<Map<String, AttributeValue>> items = scanAll(new SdkTableGateway(plain), source);
            assertThat(items).hasSize(30).noneMatch(RawItem.class::isInstance);
        }
    }

    @Test
    void aResponseWhoseCrc32DoesNotMatchIsRefusedNotTaken() {
        String body = "{\"Count\":1,\"Items\":[{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"}}],\"ScannedCount\":1}";
        try (DynamoDbClient corrupt = CannedHttp.dynamoDb(body, 12345L)) {
            assertThatThrownBy(() -> new SdkTableGateway(corrupt).scanToCopy("t", 0, 1, null, 10, false, KEYS))
                    .isInstanceOf(Crc32MismatchException.class);
        }
        try (DynamoDbClient sound = CannedHttp.dynamoDb(body, null)) {
            assertThat(new SdkTableGateway(sound).scanToCopy("t", 0, 1, null, 10, false, KEYS).items())
                    .containsExactly(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1")));
        }
    }

    @Test
    void theSignatureCoversTheBytesSentNotTheBodyTheyReplaced() throws Exception {
        CannedHttp http = CannedHttp.answering("{\"UnprocessedItems\":{}}");
        String item = "{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1.50\"},\"m\":{\"M\":{\"x\":{\"BS\":[\"AP8=\"]}}}}";
        RawScanPage page = new RawScanPage(KEYS);
        page.apply(("{\"Items\":[" + item + "]}").getBytes(StandardCharsets.UTF_8));
        try (DynamoDbClient client = CannedHttp.dynamoDb(http)) {
            assertThat(new SdkTableGateway(client).batchWrite("t", page.items(), false).unprocessed()).isEmpty();
        }
        CannedHttp.Sent sent = http.last();
        assertThat(new String(sent.body(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"RequestItems\":{\"t\":[{\"PutRequest\":{\"Item\":" + item + "}}]},\"ReturnConsumedCapacity\":\"NONE\"}");
        assertThat(sent.request().firstMatchingHeader("Content-Length")).contains(String.valueOf(sent.body().length));

        // SigV4 again over what went on the wire, at the time it was signed: the same signature
        Instant at = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .parse(sent.request().firstMatchingHeader("X-Amz-Date").orElseThrow(), Instant::from);
        SdkHttpRequest unsigned = sent.request().toBuilder().removeHeader("Authorization").build();
        var again = AwsV4HttpSigner.create().sign(r -> r.identity(LocalAws.CREDENTIALS.resolveCredentials()).request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(sent.body()))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb").putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        assertThat(again.request().firstMatchingHeader("Authorization")).isEqualTo(sent.request().firstMatchingHeader("Authorization"));
    }

    private static List<Map<String, AttributeValue>> scanAll(SdkTableGateway gateway, String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int segment = 0; segment < 2; segment++) {
            Map<String, AttributeValue> start = null;
            do {
                TableGateway.ScanPage page = gateway.scanToCopy(table, segment, 2, start, 7, false, KEYS);
                items.addAll(page.items());
                start = page.lastKey();
            } while (start != null);
        }
        return items;
    }

    private static DynamoDbClient swapping(LocalAws aws) {
        return DynamoDbClient.builder().region(Region.US_EAST_1).credentialsProvider(LocalAws.CREDENTIALS)
                .endpointOverride(aws.dynamoDbEndpoint()).overrideConfiguration(o -> o.addExecutionInterceptor(new BodySwap())).build();
    }
}
