package dev.migrator.cli;

import dev.migrator.aws.StackAccess;
import dev.migrator.model.MigrationSchema;
import dev.migrator.model.StackSpec;
import dev.migrator.engine.Finding;
import dev.migrator.engine.Preflight;
import dev.migrator.engine.ResourceState;
import java.util.List;

/** The human-readable plan: stacks, then each step's resources and findings. */
final class PlanPrinter {
    private final Output out;

    PlanPrinter(Output out) {
        this.out = out;
    }

    void print(MigrationSchema schema, List<StackAccess> stacks, List<Preflight> preflights) {
        out.line("schema " + schema.name() + " (" + schema.format().name() + ", " + schema.file() + ")");
        if (stacks.isEmpty()) {
            out.line("  source: " + stack(schema.source()));
            out.line("  target: " + stack(schema.target()));
        }
        for (StackAccess s : stacks) {
            out.line("  " + s.label() + ": region " + s.region() + ", account " + s.account());
            out.line("      credentials: " + s.credentials());
            s.endpoints().forEach((service, endpoint) -> out.line("      " + service + ": " + endpoint));
            for (StackAccess.Problem p : s.problems()) {
                out.line("  error: " + s.label() + " " + p.serviceNames() + ": " + p.message());
                out.line("      fix: " + p.fix());
            }
        }
        for (Preflight p : preflights) {
            out.line("");
            out.line(p.step() + "  [" + p.step().pointer() + "]");
            if (p.notCheckedReason().isPresent()) {
                out.line("  not checked: its stack cannot be used (above)");
                continue;
            }
            for (ResourceState r : p.resources()) {
                out.line("  " + resource(r, p.step().kind().unit()));
            }
            for (Finding f : p.findings()) {
                out.line("  " + f.severity().name().toLowerCase() + ": " + f.message());
                if (f.hint() != null && !f.hint().isBlank()) {
                    out.line("      fix: " + f.hint());
                }
            }
        }
        long errors = preflights.stream().flatMap(p -> p.findings().stream()).filter(Finding::isError).count();
        out.line("");
        out.line(preflights.size() + " step(s), " + errors + " preflight error(s)");
    }

    void printSamples(List<dev.migrator.engine.Sample> samples) {
        for (dev.migrator.engine.Sample sample : samples) {
            out.line("");
            out.line(sample.step() + ": " + sample.items().size() + " sample item(s)");
            for (dev.migrator.engine.Sample.Item item : sample.items()) {
                out.line("  before: " + item.before());
                out.line(item.after() != null ? "  after:  " + item.after() : "  FAILS:  " + item.failure() + " (dead-lettered at run time)");
            }
        }
    }

    private static String stack(StackSpec s) {
        return s.region() + s.profile().map(p -> ", profile " + p).orElse("")
                + s.roleArn().map(r -> ", role " + r).orElse("")
                + s.endpoints().all().map(e -> ", endpoint " + e).orElse("");
    }

    private static String resource(ResourceState r, String unit) {
        String side = r.side() == ResourceState.Side.SOURCE ? "source" : "target";
        if (!r.exists()) {
            return side + " " + r.name() + ": MISSING";
        }
        StringBuilder text = new StringBuilder(side + " " + r.name() + ": exists");
        r.empty().ifPresent(e -> text.append(e ? ", empty" : ", not empty"));
        // a bucket's count stops after one listing page (a lower bound); a table's is DynamoDB's ~6-hourly estimate
        String estimate = "object(s)".equals(unit) ? "at least " : "~";
        r.count().ifPresent(c -> text.append(", ").append(r.countIsEstimate() ? estimate : "").append(c).append(" ").append(unit));
        r.details().forEach((k, v) -> text.append(", ").append(k).append(" ").append(v));
        if (!r.firstKeys().isEmpty() && r.side() == ResourceState.Side.TARGET) {
            text.append(", first: ").append(r.firstKeys());
        }
        return text.toString();
    }
}
