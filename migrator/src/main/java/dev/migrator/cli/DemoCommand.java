package dev.migrator.cli;

import dev.migrator.demo.Demo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs plan and run on local emulators with VAMS-shaped sample data.",
            "Starts DynamoDB Local, S3Proxy and (where installed) moto, builds Stack A with data and an empty Stack B,",
            "fills in the shipped vams-v2.0-to-v2.0 template for them. Needs the build's emulators/ directory."})
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "target/demo",
            description = "Where the demo writes its schema, logs and state (default: ${DEFAULT-VALUE}).")
    Path directory;

    @Option(names = "--emulators", paramLabel = "DIR", description = "The build's emulators/ directory (found beside the jar by default).")
    Path emulators;

    @Override
    public Integer call() throws Exception {
        return new Demo(directory, emulators, spec.commandLine().getOut(), args -> Main.commandLine().execute(args)).run();
    }
}
