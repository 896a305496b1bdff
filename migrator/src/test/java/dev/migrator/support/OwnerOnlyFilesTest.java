package dev.migrator.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic owner-only writes, several writers of one file at once included (the shards of a run merging one map). */
class OwnerOnlyFilesTest {

    @Test
    void writersOfOneFileAtOnceEachReplaceItWholeAndLeaveNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s3-versions-b.json");
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> done = List.of("a", "b").stream().map(name -> writers.submit(() -> {
                start.await();
                for (int i = 0; i < 300; i++) {
                    OwnerOnlyFiles.writeAtomically(file, (name + "-".repeat(1000)).getBytes(StandardCharsets.UTF_8));
                }
                return null;
            })).toList();
            start.countDown();
            for (Future<Object> writer : done) {
                writer.get(); // throws what a writer threw: before, a rename whose shared temporary file the other had taken
            }
        } finally {
            writers.shutdownNow();
        }

        assertThat(Files.readString(file)).matches("[ab]-{1000}");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("s3-versions-b.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
