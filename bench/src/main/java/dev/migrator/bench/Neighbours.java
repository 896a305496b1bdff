package dev.migrator.bench;

import dev.migrator.local.ChildProcess;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The processes that share the machine with every contender: the emulators (each its own JVM) and this JVM, which
 * runs the link. Their CPU during a contender's run is what the contender's own figure leaves out: on a machine of
 * two cores, whatever a client saves, the emulator and the link still spend per unit, so they bound what any client
 * can reach here ({@link Contender#ceiling}).
 */
final class Neighbours {
    static final String LINK = "link (bench JVM)";

    private final Map<String, ProcessHandle> processes;

    private Neighbours(Map<String, ProcessHandle> processes) {
        this.processes = Collections.unmodifiableMap(processes);
    }

    /** The emulators by name, and this JVM as the link. */
    static Neighbours of(ChildProcess... emulators) {
        Map<String, ProcessHandle> all = new LinkedHashMap<>();
        for (ChildProcess emulator : emulators) {
            all.put(emulator.name(), emulator.handle());
        }
        all.put(LINK, ProcessHandle.current());
        return new Neighbours(all);
    }

    /**
     * Collects each emulator's garbage ({@code jcmd PID GC.run}; an emulator that is not a JVM, or without jcmd, is
     * left as it is), so the contender measured next does not pay for the one before: S3Proxy holds every object in
     * its heap, and a collection of what an earlier run left would land in whichever contender comes next.
     */
    void settle() throws InterruptedException {
        for (Map.Entry<String, ProcessHandle> e : processes.entrySet()) {
            if (e.getValue().pid() == ProcessHandle.current().pid()) {
                continue;
            }
            try {
                new ProcessBuilder(jcmd(), String.valueOf(e.getValue().pid()), "GC.run").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            } catch (java.io.IOException notAvailable) {
                return;
            }
        }
    }

    private static String jcmd() {
        java.nio.file.Path beside = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return java.nio.file.Files.isExecutable(beside) ? beside.toString() : "jcmd";
    }

    /**
     * Each one's user+system CPU seconds so far, its own only: the emulators run as single JVMs, and this JVM's
     * descendants are the emulators and the contender itself.
     */
    Map<String, Double> sample() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        processes.forEach((name, process) -> cpu.put(name, cpuSeconds(process)));
        return cpu;
    }

    /** Each one's CPU seconds since {@code before} ({@link #sample}). */
    Map<String, Double> since(Map<String, Double> before) {
        Map<String, Double> spent = new LinkedHashMap<>();
        sample().forEach((name, now) -> spent.put(name, now - before.getOrDefault(name, 0.0)));
        return Collections.unmodifiableMap(spent);
    }

    private static double cpuSeconds(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
    }
}
