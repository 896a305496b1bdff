package dev.migrator.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** Prints contenders side by side with their ratios to named peers, and the goals as MET / NOT MET. */
final class Figures {
    private final List<String> goals = new ArrayList<>();

    static void table(String title, String unit, List<Contender> results, List<String> peers, boolean byBytes) {
        ToDoubleFunction<Contender> rate = byBytes ? Contender::mibPerSecond : Contender::rate;
        System.out.println();
        System.out.println(title);
        StringBuilder header = new StringBuilder(String.format("%-50s %9s %8s %10s %9s %9s %9s", "contender", unit, "seconds",
                byBytes ? "MiB/s" : unit + "/s", "CPU s/1k", "req/unit", "heap MiB"));
        for (String peer : peers) {
            header.append(String.format(" %14s", "vs " + shortName(peer)));
        }
        System.out.println(header);
        results.removeIf(java.util.Objects::isNull);
        for (Contender c : results) {
            StringBuilder line = new StringBuilder(String.format("%-50s %,9d %8.1f %,10.1f %9s %9s %9s", c.name(), c.units(), c.seconds(),
                    rate.applyAsDouble(c), Double.isNaN(c.cpuSeconds()) ? "-" : String.format(c.cpuPer1000() < 0.1 ? "%.3f" : "%.2f", c.cpuPer1000()),
                    c.requests() < 0 ? "-" : String.format("%.2f", c.requestsPerUnit()), c.peakHeapMiB() < 0 ? "-" : c.peakHeapMiB()));
            for (String peer : peers) {
                Optional<Contender> p = find(results, peer);
                line.append(String.format(" %14s", p.map(x -> String.format("%.2fx", rate.applyAsDouble(c) / rate.applyAsDouble(x)))
                        .orElse("-")));
            }
            System.out.println(line);
        }
        beside(unit, results);
    }

    /** The machine's cores, which every contender shares with its neighbours (the emulators and the link). */
    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * What each contender's neighbours spent beside it ({@link Neighbours}), per 1,000 units, what the machine spent
     * in all, how busy its cores were, and the ceiling that CPU per unit puts on any client here.
     */
    private static void beside(String unit, List<Contender> results) {
        List<String> names = results.stream().flatMap(c -> c.besideCpuSeconds().keySet().stream()).distinct().sorted().toList();
        if (names.isEmpty()) {
            return;
        }
        System.out.printf("CPU s per 1,000 %s beside each contender (its own, its neighbours'), on this machine's %d cores:%n", unit, cores());
        StringBuilder header = new StringBuilder(String.format("%-50s %9s", "contender", "own"));
        names.forEach(n -> header.append(String.format(" %18s", n.length() > 18 ? n.substring(0, 18) : n)));
        System.out.println(header.append(String.format(" %9s %10s %14s", "machine", "cores busy", "ceiling " + unit + "/s")));
        for (Contender c : results) {
            StringBuilder line = new StringBuilder(String.format("%-50s %9s", c.name(),
                    Double.isNaN(c.cpuSeconds()) ? "-" : String.format("%.2f", c.cpuPer1000())));
            names.forEach(n -> line.append(String.format(" %18s", c.besideCpuSeconds().containsKey(n)
                    ? String.format("%.2f", c.besideCpuSeconds().get(n) * 1000.0 / c.units()) : "-")));
            System.out.println(Double.isNaN(c.cpuSeconds()) ? line : line.append(String.format(" %9.2f %9.0f%% %,14.0f",
                    c.machineCpuPer1000(), 100 * c.coresBusy(cores()), c.ceiling(cores()))));
        }
    }

    static Optional<Contender> find(List<Contender> results, String prefix) {
        return results.stream().filter(r -> r != null && r.name().startsWith(prefix)).findFirst();
    }

    private static String shortName(String peer) {
        return peer.length() > 11 ? peer.substring(0, 11) : peer;
    }

    /** Records "a / b >= ratio" (or "<=" when {@code atMost}); a missing contender is said, not guessed. */
    void goal(String what, List<Contender> results, String a, String b, ToDoubleFunction<Contender> figure, double ratio, boolean atMost) {
        Optional<Contender> x = find(results, a);
        Optional<Contender> y = find(results, b);
        if (x.isEmpty() || y.isEmpty()) {
            goals.add(String.format("  %-70s not measured (%s missing)", what, x.isEmpty() ? a : b));
            return;
        }
        double r = figure.applyAsDouble(x.get()) / figure.applyAsDouble(y.get());
        boolean met = atMost ? r <= ratio : r >= ratio;
        goals.add(String.format("  %-70s %6.2fx (goal %s %.1fx)  %s", what, r, atMost ? "<=" : ">=", ratio, met ? "MET" : "NOT MET"));
    }

    /**
     * Records what "a >= ratio x b" in units/s would take, against the most this machine gives at the CPU per unit
     * {@code a} and its neighbours spent ({@link Contender#ceiling}): a goal above it needs less CPU per unit from
     * the client or the emulator, not more requests in flight.
     */
    void ceiling(String what, List<Contender> results, String a, String b, double ratio) {
        Optional<Contender> x = find(results, a);
        Optional<Contender> y = find(results, b);
        if (x.isEmpty() || y.isEmpty() || Double.isNaN(x.get().cpuSeconds()) || x.get().besideCpuSeconds().isEmpty()) {
            return;
        }
        Contender c = x.get();
        double needed = ratio * y.get().rate();
        double ceiling = c.ceiling(cores());
        goals.add(String.format("  %-70s needs %,.0f/s; this machine's %d cores give at most %,.0f/s at %s's %.2f CPU s per 1,000 "
                        + "(own %.2f, neighbours %.2f): %s", what, needed, cores(), ceiling, a, c.machineCpuPer1000(), c.cpuPer1000(),
                c.machineCpuPer1000() - c.cpuPer1000(), needed <= ceiling ? "within reach" : "out of reach here at this CPU per unit"));
    }

    void line(String text) {
        goals.add("  " + text);
    }

    void print() {
        print("goals (issue 14), this run:");
    }

    void print(String heading) {
        System.out.println();
        System.out.println(heading);
        goals.forEach(System.out::println);
    }
}
