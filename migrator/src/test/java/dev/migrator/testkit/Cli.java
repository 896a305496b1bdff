package dev.migrator.testkit;

import dev.migrator.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** The real command line in this JVM, its output and errors captured together. */
public final class Cli {
    private Cli() {}

    public static int run(StringWriter out, String... args) {
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args);
    }
}
