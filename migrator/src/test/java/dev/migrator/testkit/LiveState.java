package dev.migrator.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Looks into a state directory while another process writes it. A run replaces its checkpoints by writing a
 * temporary file and moving it over the old one, so a walk can meet a file that is gone by the time its attributes
 * are read; here that reads as "not yet" and the caller polls again, instead of failing the test.
 */
public final class LiveState {
    private LiveState() {}

    /** Whether any path under {@code root} passes {@code test}; false while {@code root} does not exist yet. */
    public static boolean anyFile(Path root, Predicate<Path> test) {
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.anyMatch(test);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** The content of the first file named {@code name} under {@code root}, or empty if there is none right now. */
    public static Optional<String> read(Path root, String name) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(root)) {
            Optional<Path> file = files.filter(p -> p.getFileName().toString().equals(name)).findFirst();
            return file.isPresent() ? Optional.of(Files.readString(file.get())) : Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
