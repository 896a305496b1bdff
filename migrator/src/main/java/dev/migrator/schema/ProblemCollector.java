package dev.migrator.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Gathers every problem of one file, each placed at its line and column. */
public final class ProblemCollector {
    private final Path file;
    private final SourceLocations locations;
    private final List<Problem> problems = new ArrayList<>();

    public ProblemCollector(Path file, SourceLocations locations) {
        this.file = file;
        this.locations = locations;
    }

    public void error(String pointer, String message, String hint) {
        add(Problem.Severity.ERROR, pointer, message, hint);
    }

    public void warning(String pointer, String message, String hint) {
        add(Problem.Severity.WARNING, pointer, message, hint);
    }

    private void add(Problem.Severity severity, String pointer, String message, String hint) {
        SourceLocations.Position at = locations.find(pointer);
        Problem problem = new Problem(severity, file, pointer, at.line(), at.column(), message, hint);
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** Errors before warnings, each in file order. */
    public List<Problem> problems() {
        return problems.stream()
                .sorted(Comparator.comparing(Problem::severity)
                        .thenComparingInt(Problem::line)
                        .thenComparingInt(Problem::column))
                .toList();
    }
}
