package dev.migrator.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An emulator in a child process. Its standard input stays open as a lifeline (our launchers exit
 * when it closes); its output goes to a log file; readiness is a {@code READY} line or an open port.
 */
public final class ChildProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    /** Stops the child on every way out of this JVM (Ctrl-C, SIGTERM, System.exit) that skips {@link #close()}. */
    private final Thread stopOnExit;

    private volatile boolean stopBySignal;

    private ChildProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.stopOnExit = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Starts {@code command} and waits until it prints a line starting with {@code READY}. */
    public static ChildProcess startAndAwaitReadyLine(String name, List<String> command, int port, Path log,
                                                      Duration timeout) throws IOException {
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        ChildProcess child = new ChildProcess(name, process, port, log);
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            // reads to the end, also after READY: a closed or full pipe would stall or break the child
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("READY")) {
                        ready.complete(true);
                    }
                }
            } catch (IOException e) {
                // the child went away
            }
            ready.complete(false);
        }, name + " stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.close();
                throw new IOException(name + " exited before it was ready; see " + log);
            }
        } catch (TimeoutException e) {
            child.close();
            throw new IOException(name + " was not ready within " + timeout.toSeconds() + " s; see " + log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.close();
            throw new IOException("interrupted while starting " + name, e);
        } catch (java.util.concurrent.ExecutionException e) {
            child.close();
            throw new IOException(name + " failed to start: " + e.getCause(), e);
        }
        return child;
    }

    /** Starts {@code command} and waits until {@code port} on 127.0.0.1 accepts connections. */
    public static ChildProcess startAndAwaitPort(String name, List<String> command, int port, Path log, Duration timeout)
            throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ChildProcess child = new ChildProcess(name, process, port, log);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + " before it was ready; see " + log);
            }
            try (var socket = new java.net.Socket("127.0.0.1", port)) {
                return child;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        child.close();
        throw new IOException(name + " did not open port " + port + " within " + timeout.toSeconds() + " s; see " + log);
    }

    /** A JVM running {@code mainClass}, with {@code maxHeapMib} MiB of heap at most (an in-memory emulator holding a benchmark's data). */
    public static List<String> javaCommand(long maxHeapMib, String classpath, String mainClass, String... args) {
        return javaCommand(maxHeapMib, List.of(), classpath, mainClass, args);
    }

    /** The same, with more JVM {@code options} (a system property) after migrator's own. */
    public static List<String> javaCommand(long maxHeapMib, List<String> options, String classpath, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeapMib + "m");
        command.add("-XX:+UseSerialGC");
        command.addAll(options);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    public String name() {
        return name;
    }

    /** The port on 127.0.0.1 it serves. */
    /** The child process, e.g. for its CPU time. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process at once (SIGKILL), as a crash would, and waits until it is gone. */
    /** A server that ignores its closed stdin (redis-server): {@link #close} sends it SIGTERM at once instead of waiting. */
    public ChildProcess stoppedBySignal() {
        stopBySignal = true;
        return this;
    }

    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook stops the child
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the child may be gone already
        }
        try {
            if (stopBySignal || !process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(3, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
