package dev.migrator.bench;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Counts the commands in one connection's client bytes of the Redis protocol: each command is an array
 * ({@code *N}) of bulk strings ({@code $LEN}, LEN bytes, CRLF); the first names it. Fed chunk by chunk as they
 * pass, keeping only the state between them.
 */
final class RespCounter implements LatencyProxy.Counter {
    private final Consumer<String> command;
    private final StringBuilder header = new StringBuilder();
    private final StringBuilder name = new StringBuilder();
    private long bulkLeft;
    private int skip;
    private boolean first;

    RespCounter(Consumer<String> command) {
        this.command = command;
    }

    @Override
    public void feed(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            if (skip > 0) {
                skip--;
                i++;
            } else if (bulkLeft > 0) {
                int n = (int) Math.min(bulkLeft, bytes.length - i);
                if (first && name.length() < 32) {
                    name.append(new String(bytes, i, Math.min(n, 32), StandardCharsets.ISO_8859_1));
                }
                bulkLeft -= n;
                i += n;
                if (bulkLeft == 0) {
                    endOfBulk();
                }
            } else {
                char c = (char) (bytes[i++] & 0xff);
                header.append(c);
                if (c == '\n') {
                    line(header.toString().trim());
                    header.setLength(0);
                }
            }
        }
    }

    private void line(String line) {
        if (line.startsWith("*")) {
            first = true;
        } else if (line.startsWith("$")) {
            bulkLeft = Long.parseLong(line.substring(1));
            if (bulkLeft == 0) {
                endOfBulk();
            }
        } else if (!line.isEmpty()) {
            command.accept(line.split(" ")[0].toUpperCase(Locale.ROOT)); // an inline command
        }
    }

    private void endOfBulk() {
        if (first) {
            command.accept(name.toString().toUpperCase(Locale.ROOT));
            name.setLength(0);
            first = false;
        }
        skip = 2;
    }
}
