package dev.migrator.schema;

import java.nio.file.Path;

/**
 * One thing wrong (or doubtful) in a schema file: where it is (file, JSON pointer, line and column),
 * what is wrong, and how to fix it.
 */
public record Problem(Severity severity, Path file, String pointer, int line, int column, String message, String hint) {

    public enum Severity { ERROR, WARNING }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column: error at /pointer: message} and, indented below, the hint. */
    public String render() {
        String where = file + (line > 0 ? ":" + line + ":" + column : "");
        String text = where + ": " + severity.name().toLowerCase() + " at " + displayPointer() + ": " + message;
        return hint == null || hint.isBlank() ? text : text + "\n    fix: " + hint;
    }

    public String displayPointer() {
        return pointer.isEmpty() ? "/ (the document)" : pointer;
    }
}
