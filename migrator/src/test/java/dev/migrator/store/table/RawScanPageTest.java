package dev.migrator.store.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How a Scan response's JSON is split into raw items and the rest, whatever the spacing, escapes and types. */
class RawScanPageTest {

    @Test
    void itemsComeOutAsTheirBytesAndTheRestKeepsEverythingElse() {
        String first = "{ \"pk\" : {\"S\":\"caf\\u00e9 \\\"q\\\" \u2713\"}, \"nested\":{\"M\":{\"pk\":{\"N\":\"9\"},\"l\":{\"L\":[{\"S\":\"}\"}]}}},"
                + "\"sk\":{\"N\":\"-1.0E-130\"}}";
        String second = "{\"sk\":{\"N\":\"2\"},\"pk\":{\"S\":\"b\"},\"ns\":{\"NS\":[\"1\",\"2.50\"]},\"nul\":{\"NULL\":true}}";
        String body = "{\"Count\":2,\n \"Items\" : [ " + first + " ,\n" + second + "],\"LastEvaluatedKey\":{\"pk\":{\"S\":\"b\"}},\"ScannedCount\":2}";
        RawScanPage page = new RawScanPage(Set.of("pk", "sk"));

        String rest = new String(page.apply(body.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);

        assertThat(rest).isEqualTo("{\"Count\":2,\n \"Items\" : [],\"LastEvaluatedKey\":{\"pk\":{\"S\":\"b\"}},\"ScannedCount\":2}");
        List<Map<String, AttributeValue>> items = page.items();
        assertThat(items).hasSize(2);
        assertThat(new String(((RawItem) items.get(0)).json(), StandardCharsets.UTF_8)).isEqualTo(first);
        assertThat(new String(((RawItem) items.get(1)).json(), StandardCharsets.UTF_8)).isEqualTo(second);
        assertThat(items.get(0).get("pk")).isEqualTo(AttributeValue.fromS("café \"q\" ✓"));
        assertThat(items.get(0).get("sk")).isEqualTo(AttributeValue.fromN("-1.0E-130"));
        assertThat(((RawItem) items.get(0)).wholeRead()).isFalse();
        assertThat(items.get(1).get("ns")).isEqualTo(AttributeValue.fromNs(List.of("1", "2.50")));
        assertThat(items.get(1)).containsEntry("nul", AttributeValue.fromNul(true)).hasSize(4);
        assertThat(items.get(0).get("nested").m().get("l").l()).containsExactly(AttributeValue.fromS("}"));
    }

    @Test
    void binaryKeysAreDecodedAndAKeyNameHoldingAnotherTypeIsReadWhole() {
        String body = "{\"Items\":[{\"pk\":{\"B\":\"AP8K\"}},{\"pk\":{\"L\":[{\"S\":\"x\"}]},\"other\":{\"BOOL\":false}}]}";
        RawScanPage page = new RawScanPage(Set.of("pk"));
        page.apply(body.getBytes(StandardCharsets.UTF_8));

        assertThat(page.items().get(0).get("pk")).isEqualTo(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, (byte) 0xff, 10})));
        assertThat(page.items().get(1)).isEqualTo(Map.of("pk", AttributeValue.fromL(List.of(AttributeValue.fromS("x"))),
                "other", AttributeValue.fromBool(false)));
    }

    @Test
    void anExportsLinesComeOutAsRawItemsEqualToTheirWholeReading() {
        List<Map<String, AttributeValue>> rich = TableFixtures.rich(60, false);
        InMemoryExportFiles files = new InMemoryExportFiles();
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/t/export/01";
        files.layOut("exports", "", arn, rich, 1);
        List<ExportManifest.DataFile> data = List.of(new ExportManifest.DataFile("AWSDynamoDB/01/data/part-0.json.gz", 60));

        List<Map<String, AttributeValue>> raw = new ExportPages(files, "exports", data, 100,
                java.util.Optional.of(new RawItemReader(Set.of("pk", "sk")))).page(0, null).items();
        List<Map<String, AttributeValue>> whole = new ExportPages(files, "exports", data, 100, java.util.Optional.empty()).page(0, null).items();

        assertThat(raw).hasSize(60).allSatisfy(item -> assertThat(item).isInstanceOf(RawItem.class));
        assertThat(raw).allSatisfy(item -> assertThat(item.get("sk")).isNotNull());
        assertThat(raw).allSatisfy(item -> assertThat(((RawItem) item).wholeRead()).isFalse());
        assertThat(new java.util.ArrayList<>(raw)).isEqualTo(whole).containsExactlyInAnyOrderElementsOf(rich);
    }

    @Test
    void aResponseWithoutItemsIsLeftAsItCame() {
        byte[] body = "{\"Count\":0,\"ScannedCount\":0}".getBytes(StandardCharsets.UTF_8);
        RawScanPage page = new RawScanPage(Set.of("pk"));
        assertThat(page.apply(body)).isSameAs(body);
        assertThat(page.items()).isEmpty();
        assertThat(new RawScanPage(Set.of("pk")).items()).as("never handed a response").isNull();
    }
}
