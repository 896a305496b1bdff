package dev.migrator.bench;

/**
 * One measured copy: units (items or objects) in seconds, the process's user+sys CPU seconds (NaN when the
 * contender ran inside the benchmark's JVM, which also runs the link), requests through the link, and peak heap
 * (MiB before a collection; -1 when not a JVM or not known).
 */
record Contender(String name, long units, long bytes, double seconds, double cpuSeconds, long requests, long peakHeapMiB) {
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

    Contender named(String newName) {
        return new Contender(newName, units, bytes, seconds, cpuSeconds, requests, peakHeapMiB);
    }
}
