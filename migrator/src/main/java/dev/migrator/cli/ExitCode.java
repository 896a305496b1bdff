package dev.migrator.cli;

/** The documented exit codes; scripts and CI pipelines rely on them. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int UNEXPECTED = 1;
    public static final int INVALID_INPUT = 2;
    public static final int PREFLIGHT_REFUSED = 3;
    public static final int ITEMS_FAILED = 4;
    public static final int VERIFICATION_MISMATCH = 5;
    public static final int INCOMPLETE = 6;
    public static final int NOT_VERIFIED = 7;
    public static final int LOCKED = 8;
    /** migrator status: the gate says NO-GO. */
    public static final int NO_GO = 9;
    public static final int INTERRUPTED = 130;

    static final String HELP = """
            Exit codes:
              0  ok
              1  unexpected error (run again with --verbose for the stack trace)
              2  invalid input: the schema file or the command line (nothing was written)
              3  preflight refused the run: a resource is missing or a target is not empty (nothing was written)
              4  the run (or replay) finished but some items, objects or users failed; they are in the
                 dead-letter files: 'migrator replay FILE' tries them again
              5  verification found a mismatch between source and target
              6  the run is incomplete: a step stopped early or did not run
              7  NOT VERIFIED: verification could not read a side to the end (the banner names which); nothing
                 is proven either way
              8  another migrator process is working on this schema's state (it is named); nothing was done
              9  status: NO-GO (the reasons are printed)
            130  interrupted (Ctrl-C): the report says INTERRUPTED; 'run FILE --resume' continues""";

    private ExitCode() {}
}
