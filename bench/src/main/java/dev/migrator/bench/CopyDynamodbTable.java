package dev.migrator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The npm package copy-dynamodb-table (2.2.1) as a peer: installed with npm beside the benchmark's jar
 * ({@code bench/target/node}) on first use, driven by a few lines of Node.
 */
final class CopyDynamodbTable {
    static final String VERSION = "2.2.1";

    private CopyDynamodbTable() {}

    static Optional<Path> install(Path work) throws Exception {
        Path home = Path.of(CopyDynamodbTable.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent().resolve("node");
        Path module = home.resolve("node_modules/copy-dynamodb-table");
        if (!Files.isDirectory(module)) {
            Optional<String> npm = Tools.locate("npm");
            if (npm.isEmpty()) {
                return Optional.empty();
            }
            Files.createDirectories(home);
            Process p = new ProcessBuilder(npm.get(), "install", "--prefix", home.toString(), "--no-audit", "--no-fund",
                    "copy-dynamodb-table@" + VERSION).redirectErrorStream(true).redirectOutput(work.resolve("npm.log").toFile()).start();
            if (p.waitFor() != 0 || !Files.isDirectory(module)) {
                return Optional.empty();
            }
        }
        Path script = home.resolve("copy.js");
        Files.writeString(script, """
                const copy = require('copy-dynamodb-table').copy;
                const [endpoint, source, target] = process.argv.slice(2);
                const config = {region: 'us-east-1', endpoint, accessKeyId: process.env.AWS_ACCESS_KEY_ID,
                                secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY};
                copy({config, source: {tableName: source}, destination: {tableName: target}, log: false, create: false},
                     (err, result) => { if (err) { console.error(err); process.exit(1); } console.log('copied ' + result.count); });
                """);
        return Optional.of(script);
    }

    static Contender run(Runner runner, Path script, Path work, String source, String target, long items) throws IOException, InterruptedException {
        return runner.command("copy-dynamodb-table " + VERSION + " (node " + Tools.version("node", "--version") + ")",
                List.of("node", script.toString(), runner.link().uri().toString(), source, target), Runner.EMULATOR_ENV, items, 0);
    }
}
