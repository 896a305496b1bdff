package dev.migrator.run;

import dev.migrator.plan.Finding;
import dev.migrator.plan.Preflight;
import dev.migrator.plan.StepId;
import dev.migrator.plan.StepResult;
import dev.migrator.plan.Verification;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The report as one self-contained HTML page (no scripts, no external files) for people. */
final class ReportHtml {
    private ReportHtml() {}

    static String render(RunReport report) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>migrator report: ")
                .append(esc(report.schemaName())).append("</title><style>")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
                .append("th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}")
                .append(".ok{color:#17692b}.bad{color:#b00020;font-weight:bold}code{font-size:12px}</style></head><body>");
        html.append("<h1>migrator report: ").append(esc(report.schemaName())).append("</h1>");
        html.append("<p>Status: <span class=\"").append(report.status() == RunReport.Status.COMPLETED ? "ok" : "bad").append("\">")
                .append(report.status()).append("</span><br>Schema: <code>").append(esc(report.schemaFile())).append("</code> (")
                .append(esc(report.format())).append(")<br>Started ").append(report.startedAt()).append(", finished ")
                .append(report.finishedAt()).append("</p>");
        html.append("<table><tr><th class=\"l\">step</th><th class=\"l\">outcome</th><th>source</th><th>target</th><th>copied</th>")
                .append("<th>skipped</th><th>failed</th><th>mismatches</th><th>duration</th><th>per second</th></tr>");
        for (Preflight p : report.preflights()) {
            row(html, p.step(), report);
        }
        html.append("</table>");
        details(html, report);
        html.append("</body></html>\n");
        return html.toString();
    }

    private static void row(StringBuilder html, StepId step, RunReport report) {
        Optional<StepResult> result = report.results().stream().filter(r -> r.step().equals(step)).findFirst();
        Optional<Verification> v = report.verifications().stream().filter(x -> x.step().equals(step)).findFirst();
        StepResult.Counters c = result.map(ReportHtml::counters).orElse(StepResult.Counters.ZERO);
        Duration took = result.map(ReportHtml::duration).orElse(Duration.ZERO);
        String outcome = result.map(r -> r.getClass().getSimpleName()).orElse(report.status() == RunReport.Status.REFUSED ? "refused" : "-");
        html.append("<tr><td class=\"l\">").append(esc(step.toString())).append("</td><td class=\"l\">").append(outcome).append("</td>")
                .append(cell(v.map(x -> String.valueOf(x.sourceCount())).orElse(String.valueOf(c.read()))))
                .append(cell(v.map(x -> String.valueOf(x.targetCount())).orElse("-")))
                .append(cell(String.valueOf(c.written()))).append(cell(String.valueOf(c.skipped())))
                .append("<td class=\"").append(c.failed() > 0 ? "bad" : "").append("\">").append(c.failed()).append("</td>")
                .append("<td class=\"").append(v.map(x -> x.ok() ? "ok" : "bad").orElse("")).append("\">")
                .append(v.map(x -> String.valueOf(x.mismatches())).orElse("not verified")).append("</td>")
                .append(cell(String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0)))
                .append(cell(took.isZero() ? "-" : String.format(Locale.ROOT, "%,.0f", c.read() / Math.max(took.toMillis() / 1000.0, 0.001))))
                .append("</tr>");
    }

    private static void details(StringBuilder html, RunReport report) {
        for (Preflight p : report.preflights()) {
            html.append("<h2>").append(esc(p.step().toString())).append("</h2><ul>");
            for (Finding f : p.findings()) {
                html.append("<li>").append(esc(f.severity() + ": " + f.message())).append("</li>");
            }
            report.results().stream().filter(r -> r.step().equals(p.step())).findFirst().ifPresent(r -> outputs(html, r));
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
