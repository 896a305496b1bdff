package dev.migrator.engine;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Which units a sampled verification checks: chosen by a hash of their key, so every rerun checks the same ones. */
public final class Sampling {
    private Sampling() {}

    public static boolean chosen(String key, double rate) {
        if (rate >= 1) {
            return true;
        }
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % 1_000_000 < rate * 1_000_000;
    }
}
