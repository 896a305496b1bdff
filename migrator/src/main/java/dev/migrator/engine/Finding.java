package dev.migrator.engine;

/** Something preflight found. An ERROR stops the run before any write. */
public record Finding(Severity severity, String message, String hint) {

    public enum Severity { ERROR, WARNING, INFO }

    /**
     * An INFO naming the settings ({@code what}) either side's service would not tell, so they were not compared;
     * empty when both answered everything.
     */
    public static java.util.Optional<Finding> notAnswered(String what, java.util.List<String> source, java.util.List<String> target) {
        java.util.Set<String> both = new java.util.LinkedHashSet<>(source);
        both.addAll(target);
        return both.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(info(what + " not compared (the service did not answer): " + String.join(", ", both)));
    }

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
