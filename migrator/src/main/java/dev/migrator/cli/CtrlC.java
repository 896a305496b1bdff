package dev.migrator.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT, SIGTERM) during a command: the JVM's shutdown hook interrupts the command's thread and
 * waits (up to {@link #GRACE_SECONDS}) while the command stops its workers, writes its report with status
 * INTERRUPTED and prints what to do next; then the JVM exits with 130. Without a signal it does nothing.
 */
final class CtrlC implements AutoCloseable {
    static final long GRACE_SECONDS = 60;

    private final Thread hook;
    private final CountDownLatch done = new CountDownLatch(1);

    private CtrlC(Thread command) {
        this.hook = new Thread(() -> {
            command.interrupt();
            try {
                done.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ctrl-c");
    }

    /** Guards the calling thread until {@link #close()}. */
    static CtrlC guard() {
        CtrlC guard = new CtrlC(Thread.currentThread());
        Runtime.getRuntime().addShutdownHook(guard.hook);
        return guard;
    }

    /** The command has written and printed what it had to; a pending exit may go on. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting because of the signal: the hook is running and now returns
        }
    }
}
