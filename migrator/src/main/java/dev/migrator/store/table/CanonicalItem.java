package dev.migrator.store.table;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An item in one canonical text form, hashed: attribute names sorted, numbers compared as numbers
 * (1.50 = 1.5), sets as sets (DynamoDB does not keep their order), lists and maps as they are.
 */
final class CanonicalItem {
    private CanonicalItem() {}

    static String hash(Map<String, AttributeValue> item) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text(item).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(Map<String, AttributeValue> item) {
        return new TreeMap<>(item).entrySet().stream().map(e -> quote(e.getKey()) + ":" + value(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** The item's canonical text as UTF-8, what its digest is taken of. */
    static byte[] bytes(Map<String, AttributeValue> item) {
        return text(item).getBytes(StandardCharsets.UTF_8);
    }

    /** One value's canonical text: equal for values DynamoDB holds as equal. */
    static String value(AttributeValue v) {
        if (v.s() != null) {
            return "S" + quote(v.s());
        }
        if (v.n() != null) {
            return "N" + number(v.n());
        }
        if (v.b() != null) {
            return "B" + Base64.getEncoder().encodeToString(v.b().asByteArray());
        }
        if (v.bool() != null) {
            return "BOOL" + v.bool();
        }
        if (Boolean.TRUE.equals(v.nul())) {
            return "NULL";
        }
        if (v.hasSs()) {
            return "SS" + sorted(v.ss().stream().map(CanonicalItem::quote).toList());
        }
        if (v.hasNs()) {
            return "NS" + sorted(v.ns().stream().map(CanonicalItem::number).toList());
        }
        if (v.hasBs()) {
            return "BS" + sorted(v.bs().stream().map(b -> Base64.getEncoder().encodeToString(b.asByteArray())).toList());
        }
        if (v.hasL()) {
            return "L" + v.l().stream().map(CanonicalItem::value).collect(Collectors.joining(",", "[", "]"));
        }
        if (v.hasM()) {
            return "M" + text(v.m());
        }
        return "?" + v;
    }

    private static String sorted(List<String> values) {
        return values.stream().sorted().collect(Collectors.joining(",", "[", "]"));
    }

    private static String number(String n) {
        BigDecimal d = new BigDecimal(n);
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
