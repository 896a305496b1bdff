package dev.migrator.engine;

/** Something preflight found. An ERROR stops the run before any write. */
public record Finding(Severity severity, String message, String hint) {

    public enum Severity { ERROR, WARNING, INFO }

    public static Finding error(String message, String hint) {
        return new Finding(Severity.ERROR, message, hint);
    }

    public static Finding warning(String message, String hint) {
        return new Finding(Severity.WARNING, message, hint);
    }

    public static Finding info(String message) {
        return new Finding(Severity.INFO, message, "");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
