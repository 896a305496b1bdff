package dev.migrator.run;

import dev.migrator.engine.Finding;
import dev.migrator.engine.Preflight;
import dev.migrator.engine.StepId;
import dev.migrator.engine.StepResult;
import dev.migrator.engine.Verification;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The report as one self-contained HTML page (no scripts, no external files) for people. */
final class ReportHtml {
    private ReportHtml() {}

    static String render(RunReport report, Stores stores) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>migrator report: ")
                .append(esc(report.schemaName())).append("</title><style>")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
                .append("th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}")
                .append(".ok{color:#17692b}.bad{color:#b00020;font-weight:bold}code{font-size:12px}")
                .append("#verdict{padding:1em 1.5em;border-radius:6px;margin-bottom:1.5em}#verdict h1{margin:0 0 .3em;font-size:28px}")
                .append("#verdict.go{background:#e3f4e6;border:2px solid #17692b}#verdict.nogo{background:#fde7ea;border:2px solid #b00020}")
                .append("#verdict ul{margin:.3em 0}</style></head><body>");
        banner(html, report);
        html.append("<p>Report of <b>").append(esc(report.schemaName())).append("</b>: status <span class=\"")
                .append(report.status() == RunReport.Status.COMPLETED ? "ok" : "bad").append("\">")
                .append(report.status()).append("</span><br>Schema: <code>").append(esc(report.schemaFile())).append("</code> (")
                .append(esc(report.format())).append(")<br>Started ").append(time(report.startedAt())).append(", finished ")
                .append(time(report.finishedAt())).append("</p>");
        html.append("<table><tr><th class=\"l\">step</th><th class=\"l\">outcome</th><th>source</th><th>target</th><th>copied</th>")
                .append("<th>skipped</th><th>failed</th><th>mismatches</th><th>duration</th><th>per second</th></tr>");
        for (Preflight p : report.preflights()) {
            row(html, p.step(), report);
        }
        html.append("</table>");
        details(html, report, stores);
        html.append("</body></html>\n");
        return html.toString();
    }

    /** The verdict a person reads in one second: GO or NO-GO and why, totals, both stacks, duration. */
    private static void banner(StringBuilder html, RunReport report) {
        Verdict verdict = Verdict.of(report);
        long copied = report.results().stream().mapToLong(r -> counters(r).written()).sum();
        long failed = report.results().stream().mapToLong(r -> counters(r).failed()).sum();
        long mismatches = report.verifications().stream().mapToLong(Verification::mismatches).sum();
        long verified = report.verifications().stream().filter(Verification::ok).count();
        html.append("<div id=\"verdict\" class=\"").append(verdict.go() ? "go" : "nogo").append("\"><h1>")
                .append(verdict.go() ? "GO" : "NO-GO").append("</h1><div>").append(esc(verdict.headline().replaceFirst("^(NO-)?GO:? ", ""))).append("</div><ul>");
        verdict.reasons().forEach(r -> html.append("<li>").append(esc(r)).append("</li>"));
        html.append("</ul><div>").append(report.preflights().size()).append(" pairs; ").append(String.format(Locale.ROOT, "%,d", copied))
                .append(" units copied, ").append(String.format(Locale.ROOT, "%,d", failed)).append(" failed; ")
                .append(verified).append(" of ").append(report.verifications().size()).append(" verifications equal, ")
                .append(String.format(Locale.ROOT, "%,d", mismatches)).append(" mismatches; took ")
                .append(seconds(Duration.between(report.startedAt(), report.finishedAt()))).append("</div>");
        for (dev.migrator.aws.StackAccess stack : report.stacks()) {
            html.append("<div>").append(esc(stack.label())).append(": region ").append(esc(stack.region())).append(", account ")
                    .append(esc(stack.account())).append("; ")
                    .append(esc(String.join("; ", stack.endpoints().entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .map(e -> e.getKey() + " " + e.getValue()).toList()))).append("</div>");
        }
        html.append("</div>");
    }

    private static String time(java.time.Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** A step's outcome in words. */
    private static String outcome(Optional<StepResult> result, RunReport report) {
        if (result.isEmpty()) {
            return report.status() == RunReport.Status.REFUSED ? "refused (nothing written)" : "verified only";
        }
        StepResult r = result.get();
        if (r instanceof StepResult.Completed c) {
            return c.hasFailures() ? "completed, some failed" : "completed";
        }
        return r instanceof StepResult.Failed ? "stopped early" : "not run";
    }

    private static void row(StringBuilder html, StepId step, RunReport report) {
        Optional<StepResult> result = report.results().stream().filter(r -> r.step().equals(step)).findFirst();
        Optional<Verification> v = report.verifications().stream().filter(x -> x.step().equals(step)).findFirst();
        StepResult.Counters c = result.map(ReportHtml::counters).orElse(StepResult.Counters.ZERO);
        Duration took = result.map(ReportHtml::duration).orElse(Duration.ZERO);
        String outcome = outcome(result, report);
        html.append("<tr><td class=\"l\">").append(esc(step.toString())).append("</td><td class=\"l\">").append(outcome).append("</td>")
                .append(cell(v.map(x -> String.valueOf(x.sourceCount())).orElse(String.valueOf(c.read()))))
                .append(cell(v.map(x -> x.sampled() ? "not counted" : String.valueOf(x.targetCount())).orElse("-")))
                .append(cell(String.valueOf(c.written()))).append(cell(String.valueOf(c.skipped())))
                .append("<td class=\"").append(c.failed() > 0 ? "bad" : "").append("\">").append(c.failed()).append("</td>")
                .append("<td class=\"").append(v.map(x -> x.ok() ? "ok" : "bad").orElse("")).append("\">")
                .append(v.map(x -> x.verdict() == Verification.Verdict.NOT_VERIFIED ? "NOT VERIFIED" : String.valueOf(x.mismatches()))
                        .orElse("not verified")).append("</td>")
                .append(cell(seconds(took)))
                // a rate over less than a second, or of nothing, says nothing
                .append(cell(took.toMillis() < 1000 || c.read() == 0 ? "-"
                        : String.format(Locale.ROOT, "%,.0f", c.read() / (took.toMillis() / 1000.0))))
                .append("</tr>");
    }

    private static void details(StringBuilder html, RunReport report, Stores stores) {
        for (Preflight p : report.preflights()) {
            html.append("<h2>").append(esc(p.step().toString())).append("</h2><ul>");
            for (Finding f : p.findings()) {
                html.append("<li>").append(esc(f.severity() + ": " + f.message())).append("</li>");
            }
            Optional<StepResult> result = report.results().stream().filter(r -> r.step().equals(p.step())).findFirst();
            result.ifPresent(r -> outputs(html, r));
            report.verifications().stream().filter(v -> v.step().equals(p.step())).findFirst()
                    .ifPresent(v -> explainCounts(html, p.step(), result, v, stores));
            report.verifications().stream().filter(v -> v.step().equals(p.step())).findFirst().ifPresent(v -> {
                html.append("<li>verification: ").append(v.checked()).append(" checked, ").append(v.matched()).append(" matched, ")
                        .append(v.missing()).append(" missing, ").append(v.extra()).append(" extra, ").append(v.different())
                        .append(" different, ").append(v.notCopyable()).append(" not copyable")
                        .append(v.sampleRate() < 1 ? " (sample rate " + v.sampleRate() + ")" : "")
                        .append(v.note().isEmpty() ? "" : "; " + esc(v.note())).append("</li>");
                v.examples().forEach(e -> html.append("<li class=\"bad\">").append(esc(e)).append("</li>"));
            });
            html.append("</ul>");
        }
    }

    /** Why a step's counts differ where that is expected (versions, seeded items): each store says. */
    private static void explainCounts(StringBuilder html, StepId step, Optional<StepResult> result, Verification v, Stores stores) {
        long read = result.map(r -> counters(r).read()).orElse(0L);
        for (String sentence : stores.of(step.kind()).map(m -> m.explainCounts(read, v)).orElse(java.util.List.of())) {
            html.append("<li>").append(esc(sentence)).append("</li>");
        }
    }

    private static void outputs(StringBuilder html, StepResult r) {
        if (r instanceof StepResult.Completed c) {
            for (Map.Entry<String, String> e : c.outputs().entrySet()) {
                html.append("<li>").append(esc(e.getKey())).append(": <code>").append(esc(e.getValue())).append("</code></li>");
            }
        } else if (r instanceof StepResult.Failed f) {
            html.append("<li class=\"bad\">failed: ").append(esc(f.reason())).append("</li>");
        } else {
            html.append("<li>not run: ").append(esc(((StepResult.NotRun) r).reason())).append("</li>");
        }
    }

    private static StepResult.Counters counters(StepResult r) {
        if (r instanceof StepResult.Completed c) {
            return c.counters();
        }
        return r instanceof StepResult.Failed f ? f.counters() : StepResult.Counters.ZERO;
    }

    private static Duration duration(StepResult r) {
        if (r instanceof StepResult.Completed c) {
            return c.duration();
        }
        return r instanceof StepResult.Failed f ? f.duration() : Duration.ZERO;
    }

    private static String cell(String text) {
        return "<td>" + esc(text) + "</td>";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
