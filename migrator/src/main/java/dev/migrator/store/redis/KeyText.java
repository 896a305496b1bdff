package dev.migrator.store.redis;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How a key is written for people and for files: printable text as it is, other bytes escaped as redis-cli
 * shows them ({@code "\x00"}); dead letters carry the exact bytes in base64 as well.
 */
final class KeyText {
    private KeyText() {}

    static String show(byte[] key) {
        StringBuilder out = new StringBuilder(key.length);
        String text = new String(key, StandardCharsets.UTF_8);
        if (java.util.Arrays.equals(text.getBytes(StandardCharsets.UTF_8), key) && text.codePoints().noneMatch(Character::isISOControl)) {
            return text.replace("\\", "\\\\");
        }
        for (byte b : key) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append((char) c);
            } else {
                out.append(String.format("\\x%02x", c));
            }
        }
        return out.toString();
    }

    static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }

    static byte[] fromBase64(String text) {
        return Base64.getDecoder().decode(text);
    }

    /** The key as a string holding one char per byte: for hashing and glob matching, never for display. */
    static String latin1(byte[] key) {
        return new String(key, StandardCharsets.ISO_8859_1);
    }
}
