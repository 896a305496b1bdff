package dev.migrator.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT, SIGTERM) during a command: the JVM's shutdown hook interrupts the command's thread and
 * waits (up to {@link #GRACE_SECONDS}) while the command stops its workers, writes its report with status
 * INTERRUPTED and prints what to do next; then the JVM exits with the command's exit code (130 for an
 * interrupted run), whichever signal it was: left to itself the JVM would exit with 128 + the signal's number,
 * 143 for SIGTERM (what Kubernetes and AWS Batch send), which the documented codes do not have. Without a
 * signal it does nothing.
 */
final class CtrlC implements AutoCloseable {
    static final long GRACE_SECONDS = 60;

    private final Thread hook;
    private final CountDownLatch done = new CountDownLatch(1);
    /** The command's exit code once it has one; until then a signal means it was interrupted. */
    private volatile int code = ExitCode.INTERRUPTED;

    private CtrlC(Thread command) {
        this.hook = new Thread(() -> {
            command.interrupt();
            try {
                done.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(code);
        }, "ctrl-c");
    }

    /** Guards the calling thread until {@link #close()}. */
    static CtrlC guard() {
        CtrlC guard = new CtrlC(Thread.currentThread());
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /** The command's exit code, returned as given; the JVM exits with it if a signal is stopping it meanwhile. */
    int exit(int code) {
        this.code = code;
        return code;
    }

    /** The command has written and printed what it had to; a pending exit may go on. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting because of the signal: the hook is running and now halts with the code
        }
    }
}
