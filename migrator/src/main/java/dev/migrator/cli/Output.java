package dev.migrator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.migrator.run.ReportJson;
import dev.migrator.schema.Problem;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/** Where a command prints: results on standard output, problems on standard error unless --json. */
final class Output {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    Output(CommandLine.Model.CommandSpec spec, CommonOptions common) {
        this.out = spec.commandLine().getOut();
        this.err = spec.commandLine().getErr();
        this.json = common.json;
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }

    void error(String text) {
        err.println(text);
        err.flush();
    }

    void problems(List<Problem> problems) {
        for (Problem p : problems) {
            err.println(p.render());
        }
        long errors = problems.stream().filter(Problem::isError).count();
        if (errors > 0) {
            err.println(errors + " error(s), " + (problems.size() - errors) + " warning(s); nothing was run");
        }
        err.flush();
    }

    /** Prints an invalid file's problems (as JSON with --json) and returns the exit code for invalid input. */
    int invalid(java.nio.file.Path file, dev.migrator.schema.LoadResult.Invalid load) throws JsonProcessingException {
        if (json) {
            json(ValidationJson.of(file, load));
        } else {
            problems(load.problems());
        }
        return ExitCode.INVALID_INPUT;
    }

    void json(Object value) throws JsonProcessingException {
        out.println(ReportJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
        out.flush();
    }
}
