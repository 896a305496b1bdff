package dev.migrator.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One measured copy: units (items or objects) in seconds, the process's user+sys CPU seconds (NaN when the
 * contender ran inside the benchmark's JVM, which also runs the link), requests through the link, peak heap
 * (MiB before a collection; -1 when not a JVM or not known), and the CPU seconds its neighbours (the emulators and
 * the link, {@link Neighbours}) spent meanwhile, by name (empty when not measured).
 */
record Contender(String name, long units, long bytes, double seconds, double cpuSeconds, long requests, long peakHeapMiB,
                 Map<String, Double> besideCpuSeconds) {
    Contender {
        besideCpuSeconds = Map.copyOf(besideCpuSeconds);
    }

    double rate() {
        return units / seconds;
    }

    double mibPerSecond() {
        return bytes / 1048576.0 / seconds;
    }

    double cpuPer1000() {
        return cpuSeconds * 1000.0 / units;
    }

    double requestsPerUnit() {
        return requests < 0 ? Double.NaN : requests / (double) units;
    }

    /** Its own CPU seconds and its neighbours' together: what the machine spent on it. */
    double machineCpuSeconds() {
        return cpuSeconds + besideCpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    double machineCpuPer1000() {
        return machineCpuSeconds() * 1000.0 / units;
    }

    /** The share of {@code cores} busy with it and its neighbours while it ran. */
    double coresBusy(int cores) {
        return machineCpuSeconds() / (cores * seconds);
    }

    /**
     * The most units per second this machine's {@code cores} could give at the CPU per unit it and its neighbours
     * spent: no client spending as much, beside an emulator and a link spending as much, goes faster here.
     */
    double ceiling(int cores) {
        return cores * 1000.0 / machineCpuPer1000();
    }

    /** Several runs of one contender as one: units, bytes, seconds, CPU and requests added up, the largest heap. */
    static Contender pooled(String name, List<Contender> runs) {
        Map<String, Double> beside = new HashMap<>();
        runs.forEach(r -> r.besideCpuSeconds().forEach((k, v) -> beside.merge(k, v, Double::sum)));
        return new Contender(name, runs.stream().mapToLong(Contender::units).sum(), runs.stream().mapToLong(Contender::bytes).sum(),
                runs.stream().mapToDouble(Contender::seconds).sum(), runs.stream().mapToDouble(Contender::cpuSeconds).sum(),
                runs.stream().anyMatch(r -> r.requests() < 0) ? -1 : runs.stream().mapToLong(Contender::requests).sum(),
                runs.stream().mapToLong(Contender::peakHeapMiB).max().orElse(-1), beside);
    }

    Contender named(String newName) {
        return new Contender(newName, units, bytes, seconds, cpuSeconds, requests, peakHeapMiB, besideCpuSeconds);
    }
}
