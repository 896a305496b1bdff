package dev.migrator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a contender as its own process and measures it the same way whatever it is (JVM, Python, Go, Node):
 * wall time, and user+sys CPU of the process and its children from bash's {@code times} (no extra package).
 * A JVM contender started with {@link #gcLog} also yields its peak heap, read from its GC log.
 */
final class ChildRun {
    private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern USED_AT_EXIT = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s");

    record Measured(double seconds, double cpuSeconds, long peakHeapMiB, String output) {}

    private ChildRun() {}

    /** The JVM option that writes the GC log {@link #run} reads the peak heap from. */
    static String gcLog(Path file) {
        return "-Xlog:gc,gc+heap+exit:file=" + file;
    }

    static Measured run(List<String> command, Map<String, String> env, Path work, Path gcLog) throws IOException, InterruptedException {
        Path times = Files.createTempFile(work, "times", ".txt");
        List<String> wrapped = new ArrayList<>(List.of("bash", "-c", "f=$1; shift; \"$@\"; rc=$?; times > \"$f\"; exit $rc", "_",
                times.toString()));
        wrapped.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(wrapped).redirectErrorStream(true);
        builder.environment().putAll(env);
        String childJava = System.getenv("BENCH_CHILD_JAVA_OPTS");
        if (childJava != null) { // for experiments with the contenders' JVM flags, e.g. -XX:TieredStopAtLevel=1
            builder.environment().put("JAVA_TOOL_OPTIONS", childJava);
        }
        builder.environment().remove("AWS_CA_BUNDLE");
        if (System.getenv("BENCH_CHILD_ENV") != null) { // experiments: NAME=VALUE for every contender
            String[] kv = System.getenv("BENCH_CHILD_ENV").split("=", 2);
            builder.environment().put(kv[0], kv[1]);
        } // rclone refuses to start with it; the emulators speak plain HTTP
        long started = System.nanoTime();
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit + ":\n" + tail(out));
        }
        return new Measured(seconds, childCpu(Files.readString(times)), peakHeap(gcLog), out);
    }

    /** The second line of {@code times}: the children's user and system time. */
    static double childCpu(String timesOutput) {
        String[] lines = timesOutput.strip().split("\n");
        Matcher m = TIMES.matcher(lines[lines.length - 1]);
        if (!m.find()) {
            return Double.NaN;
        }
        return Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2)) + Integer.parseInt(m.group(3)) * 60
                + Double.parseDouble(m.group(4));
    }

    /** The largest heap in use before any collection the log shows (the heap only grows between them). */
    static long peakHeap(Path gcLog) throws IOException {
        return largest(gcLog, line -> {
            Matcher m = GC.matcher(line);
            Matcher exit = USED_AT_EXIT.matcher(line);
            return Math.max(m.find() ? Long.parseLong(m.group(1)) : -1, exit.find() ? Long.parseLong(exit.group(1)) >> 10 : -1);
        });
    }

    /**
     * The most heap a full collection left in use (what the process really held), or -1 when the log shows none:
     * the peak before collections only says how far the collector let the heap fill.
     */
    static long liveAfterFullCollections(Path gcLog) throws IOException {
        return largest(gcLog, line -> {
            Matcher m = GC.matcher(line);
            return line.contains("Pause Full") && m.find() ? Long.parseLong(m.group(2)) : -1;
        });
    }

    /** The largest figure {@code figure} reads off any line of the GC log (-1 for a line without one, or no log). */
    private static long largest(Path gcLog, java.util.function.ToLongFunction<String> figure) throws IOException {
        if (gcLog == null || !Files.exists(gcLog)) {
            return -1;
        }
        long largest = -1;
        for (String line : Files.readAllLines(gcLog)) {
            largest = Math.max(largest, figure.applyAsLong(line));
        }
        return largest;
    }

    static String tail(String out) {
        return out.length() > 4000 ? out.substring(out.length() - 4000) : out;
    }
}
