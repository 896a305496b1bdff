package dev.migrator.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migrator.testkit.LocalAws;
import dev.migrator.testkit.LocalAwsExtension;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The HTML report as a person sees it, rendered by headless Chromium (Debian's chromium, where installed):
 * the verdict banner comes first with GO or NO-GO and its reason. Screenshots go to target/report-screenshots/.
 */
@ExtendWith(LocalAwsExtension.class)
class ReportInBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void theBannerSaysGoThenNoGoWithTheReason(LocalAws aws, @TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (apt-get install chromium)");
        String source = LocalAws.uniqueName("html-a");
        String target = LocalAws.uniqueName("html-b");
        try (S3Client s3 = aws.s3("us-east-1")) {
            s3.createBucket(r -> r.bucket(source));
            s3.createBucket(r -> r.bucket(target));
            for (int i = 0; i < 4; i++) {
                int n = i;
                s3.putObject(r -> r.bucket(source).key("k" + n), RequestBody.fromString("v" + n));
            }
            String endpoints = "\"endpoints\": {\"s3\": \"" + aws.s3Endpoint() + "\"}";
            Path schema = Files.writeString(dir.resolve("schema.json"), """
                    {"schemaVersion": "1.0", "name": "html",
                     "source": {"region": "us-east-1", %1$s}, "target": {"region": "us-east-1", %1$s},
                     "buckets": [{"name": "b", "source": "%2$s", "target": "%3$s"}]}
                    """.formatted(endpoints, source, target));
            assertThat(cli("run", schema.toString(), "--state-dir", dir.resolve("state").toString())).isZero();
            String go = render(find(dir.resolve("state"), "report.html"), "go");
            assertThat(go).contains("id=\"verdict\" class=\"go\"").contains(">GO</h1>").contains("1 of 1 pairs verified equal")
                    .contains("stack A (source): region us-east-1");

            s3.deleteObject(r -> r.bucket(target).key("k2"));
            assertThat(cli("verify", schema.toString(), "--state-dir", dir.resolve("state").toString())).isEqualTo(5);
            String noGo = render(find(dir.resolve("state"), "verification.html"), "no-go");
            assertThat(noGo).contains("class=\"nogo\"").contains(">NO-GO</h1>").contains("MISMATCH")
                    .contains("bucket:b: 1 missing, 0 extra, 0 different");
        }
    }

    /** The DOM Chromium built from the page, and a screenshot of it. */
    private static String render(Path html, String name) throws Exception {
        Path shots = Files.createDirectories(Path.of("target", "report-screenshots"));
        List<String> flags = List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(Files.createDirectories(Path.of("target", "chromium")), "profile").toAbsolutePath(), "--window-size=1200,700");
        run(Stream.concat(flags.stream(), Stream.of("--screenshot=" + shots.resolve(name + ".png").toAbsolutePath(),
                html.toUri().toString())).toList());
        return run(Stream.concat(flags.stream(), Stream.of("--dump-dom", html.toUri().toString())).toList());
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static Path find(Path root, String name) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow();
        }
    }

    private static int cli(String... args) {
        return dev.migrator.testkit.Cli.run(new StringWriter(), args);
    }
}
