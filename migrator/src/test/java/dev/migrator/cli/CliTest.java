package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int migrator(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(Main.withImplicitRun(args));
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        assertThat(migrator("--help")).isZero();
        assertThat(out.toString()).contains("validate", "plan", "run", "templates", "Exit codes:", "preflight refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "plan", "run", "templates"})
    void everyCommandHasHelp(String command) {
        assertThat(migrator(command, "--help")).isZero();
        assertThat(out.toString()).contains("Usage: migrator " + command);
    }

    @Test
    void aShardOutOfRangeOrWithoutItsIndexIsRefusedBeforeAnything(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String state = dir.resolve("state").toString();
        assertThat(migrator("run", "any-schema.json", "--shard", "3/3", "--state-dir", state)).isEqualTo(2);
        assertThat(err.toString()).contains("invalid input: shard 3 of 3: the index must be 0..2");
        assertThat(migrator("run", "any-schema.json", "--shard", "1/3", "--shards", "3", "--state-dir", state))
                .isEqualTo(2);
        assertThat(err.toString()).contains("give --shard I/N or --shards N, not both");
        assertThat(java.nio.file.Files.exists(dir.resolve("state"))).as("nothing written").isFalse();
    }

    @Test
    void versionNamesTheFormats() {
        assertThat(migrator("--version")).isZero();
        assertThat(out.toString()).contains("migrator ").contains("native 1.0");
    }

    @Test
    void theJarCarriesOneHttpClientOnly() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Class.forName("software.amazon.awssdk.http.apache5.Apache5HttpClient"))
                .as("the SDK's Apache HttpClient 5 client is unused and left out").isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void versionAsJsonIsJson() throws Exception {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertThat(Main.execute(cli, "--version", "--json")).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertThat(json.get("migrator").asText()).isNotBlank();
        assertThat(json.get("schemaFormats").toString()).contains("native 1.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "plan", "run", "verify", "replay", "templates", "demo"})
    void helpNeverBreaksASentenceMidway(String command) {
        assertThat(migrator(command, "--help")).isZero();
        for (String line : out.toString().split("\\R")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(110);
            assertThat(line.strip()).as("a line holding only a fragment").doesNotMatch("^\\(?[a-z]+\\)?$").doesNotMatch("^/.*");
        }
    }

    @Test
    void noCommandPrintsUsageAndExitsTwo() {
        assertThat(migrator()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("Usage: migrator");
    }

    @Test
    void unknownOptionIsInvalidInput() {
        assertThat(migrator("validate", "--no-such-option", "x.json")).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("Unknown option");
    }

    @Test
    void aBareFileMeansRun() {
        assertThat(Main.withImplicitRun(new String[] {"schema.json", "--json"})).containsExactly("run", "schema.json", "--json");
        assertThat(Main.withImplicitRun(new String[] {"plan", "schema.json"})).containsExactly("plan", "schema.json");
        assertThat(Main.withImplicitRun(new String[] {"verify", "schema.json"})).containsExactly("verify", "schema.json");
        assertThat(Main.withImplicitRun(new String[] {"replay", "schema.json"})).containsExactly("replay", "schema.json");
    }

    @Test
    void validateReportsEveryProblemWithAFix(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), """
                {
                  "schemaVersion": "1.0",
                  "source": {"region": "us-east-one"},
                  "target": {"region": "us-west-2"},
                  "tables": [{"source": "a b", "target": "DynamoDBTable_NewStack_Name"}]
                }
                """);
        assertThat(migrator("validate", file.toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString())
                .contains(file + ":3:14: error at /source/region")
                .contains(file + ":5:15: error at /tables/0/source")
                .contains("/tables/0/target: not filled in")
                .contains("fix: ")
                .contains("3 error(s)");
    }

    @Test
    void bareFileWithProblemsExitsTwoBeforeAnyRequest(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"regionFrom\": \"us-east-1\"}");
        assertThat(migrator(file.toString(), "--state-dir", dir.resolve("state").toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(dir.resolve("state")).doesNotExist();
    }

    @Test
    void validateJsonIsMachineReadable(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"schemaVersion\": \"9\"}");
        assertThat(migrator("validate", "--json", file.toString())).isEqualTo(ExitCode.INVALID_INPUT);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("problems").get(0).get("pointer").asText()).isEqualTo("/schemaVersion");
        assertThat(json.get("problems").get(0).get("line").asInt()).isEqualTo(1);
    }

    @Test
    void templatesAreListedAndCopied(@TempDir Path dir) throws Exception {
        assertThat(migrator("templates")).isZero();
        assertThat(out.toString()).contains("vams-v1.X-to-v2.0", "vams-v2.0-to-v2.0", "vams-v2.1-to-v2.1");

        Path copy = dir.resolve("mine.json");
        assertThat(migrator("templates", "copy", "vams-v2.0-to-v2.0", copy.toString())).isZero();
        assertThat(Files.readString(copy)).contains("assetLinksStorageTable");
        assertThat(migrator("validate", copy.toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("not filled in");

        assertThat(migrator("templates", "copy", "vams-v2.0-to-v2.0", copy.toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(migrator("templates", "copy", "no-such-template", dir.resolve("x.json").toString()))
                .isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("exists; pass --force").contains("no template named 'no-such-template'");
    }
}
