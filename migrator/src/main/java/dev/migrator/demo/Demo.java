package dev.migrator.demo;

import dev.migrator.local.LocalEmulators;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** The embedded demo: emulators, two stacks, the shipped template filled in, then plan and run through the CLI. */
public final class Demo {
    /** Runs one migrator command line (the CLI hands itself in, so the demo does not depend on it). */
    public interface Cli {
        int execute(String... args);
    }

    private final Path directory;
    private final Path emulatorsHome;
    private final PrintWriter out;
    private final Cli cli;

    public Demo(Path directory, Path emulatorsHome, PrintWriter out, Cli cli) {
        this.directory = directory;
        this.emulatorsHome = emulatorsHome != null ? emulatorsHome : LocalEmulators.locateHome();
        this.out = out;
        this.cli = cli;
    }

    public int run() throws IOException {
        Files.createDirectories(directory);
        System.setProperty("aws.accessKeyId", LocalEmulators.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", LocalEmulators.SECRET_KEY);
        long started = System.nanoTime();
        say("starting emulators from " + emulatorsHome.toAbsolutePath().normalize() + " ...");
        try (LocalEmulators emulators = LocalEmulators.start(emulatorsHome, directory.resolve("logs"))) {
            say("DynamoDB Local " + emulators.dynamoDbEndpoint() + ", S3Proxy " + emulators.s3Endpoint() + ", Cognito "
                    + emulators.cognitoEndpoint().map(Object::toString)
                            .orElse("skipped (moto_server is not installed; the user pool part is left out)")
                    + ", Redis " + emulators.redis().map(r -> "127.0.0.1:" + r.source() + " (Stack A) and 127.0.0.1:" + r.target() + " (Stack B)")
                            .orElse("skipped (redis-server is not installed: apt-get install redis-server; the Redis pair is left out)"));
            DemoStacks stacks = new DemoStacks(emulators);
            Path schema = stacks.build(directory);
            say("Stack A seeded, Stack B created; schema from template '" + DemoStacks.TEMPLATE + "': " + schema);
            say("");
            say("$ migrator plan " + schema);
            int plan = cli.execute("plan", schema.toString());
            say("");
            say("$ migrator run " + schema);
            int run = cli.execute("run", schema.toString(), "--state-dir", directory.resolve("state").toString());
            say("");
            say("ids the tables refer to, before and after (S3 version ids and Cognito subs are new in Stack B):");
            stacks.evidence().forEach(line -> say("  " + line));
            say("");
            say("demo finished in " + (System.nanoTime() - started) / 1_000_000 + " ms: plan exit " + plan + ", run exit " + run
                    + "; the report is the report.html named above");
            return plan != 0 ? plan : run;
        }
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}
