package dev.migrator.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A size in bytes written as a number or as "64MiB", "5 GiB", "512KiB". Binary units only. */
public final class ByteSize {
    public static final long KIB = 1024;
    public static final long MIB = KIB * 1024;
    public static final long GIB = MIB * 1024;
    private static final Pattern TEXT = Pattern.compile("^\\s*([0-9]+)\\s*(B|KiB|MiB|GiB|TiB)?\\s*$");

    private ByteSize() {}

    /** The bytes, or empty when the text is not a size. */
    public static Optional<Long> parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long unit = switch (m.group(2) == null ? "B" : m.group(2)) {
            case "KiB" -> KIB;
            case "MiB" -> MIB;
            case "GiB" -> GIB;
            case "TiB" -> GIB * 1024;
            default -> 1;
        };
        try {
            return Optional.of(Math.multiplyExact(Long.parseLong(m.group(1)), unit));
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** "5.0 GiB", "12.3 MiB", "512 B": for people. */
    public static String format(long bytes) {
        if (bytes < KIB) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes / (double) KIB;
        int i = 0;
        while (value >= 1024 && i < units.length - 1) {
            value /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[i]);
    }
}
