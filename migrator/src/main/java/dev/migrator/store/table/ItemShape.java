package dev.migrator.store.table;

import dev.migrator.support.digest.Digest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What an item looks like without its values: each attribute's name, type and a hash of its canonical value.
 * Enough to say which attributes of two items differ, small enough to spill, and free of personal data.
 */
record ItemShape(Map<String, Attribute> attributes) {
    record Attribute(String type, long valueHash) {}

    ItemShape {
        attributes = new TreeMap<>(attributes);
    }

    static ItemShape of(Map<String, AttributeValue> item) {
        Map<String, Attribute> attributes = new TreeMap<>();
        item.forEach((name, value) -> attributes.put(name, new Attribute(value.type().toString(),
                Digest.of(CanonicalItem.value(value).getBytes(StandardCharsets.UTF_8)).low())));
        return new ItemShape(attributes);
    }

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(attributes.size());
            for (var e : attributes.entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue().type());
                out.writeLong(e.getValue().valueHash());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ItemShape fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            Map<String, Attribute> attributes = new TreeMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                String name = readString(in);
                attributes.put(name, new Attribute(readString(in), in.readLong()));
            }
            return new ItemShape(attributes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
}
