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
