package dev.migrator.testkit;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB items for tests. */
public final class Items {
    private Items() {}

    /** One item with every DynamoDB type, edge values (38 digits, tiny exponents, empty containers, unicode) included. */
    public static Map<String, AttributeValue> everyType() {
        return Map.ofEntries(
                Map.entry("pk", AttributeValue.fromS("ünïcødé ✓ 🚀")),
                Map.entry("n38", AttributeValue.fromN("12345678901234567890123456789012345678")),
                Map.entry("tiny", AttributeValue.fromN("-1.0E-130")),
                Map.entry("bin", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, (byte) 0xff, 10}))),
                Map.entry("ss", AttributeValue.fromSs(List.of("a", "b"))),
                Map.entry("ns", AttributeValue.fromNs(List.of("1", "2.50"))),
                Map.entry("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x")))),
                Map.entry("bool", AttributeValue.fromBool(false)),
                Map.entry("nul", AttributeValue.fromNul(true)),
                Map.entry("emptyS", AttributeValue.fromS("")),
                Map.entry("emptyL", AttributeValue.fromL(List.of())),
                Map.entry("emptyM", AttributeValue.fromM(Map.of())),
                Map.entry("nested", AttributeValue.fromM(Map.of("list", AttributeValue.fromL(List.of(
                        AttributeValue.fromM(Map.of("c", AttributeValue.fromN("007")))))))));
    }
}
