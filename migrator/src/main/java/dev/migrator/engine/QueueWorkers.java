package dev.migrator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The workers that drain one bounded queue, started as the work needs them rather than all at once: one more
 * whenever no worker is waiting for work and an item is put, or one is done while others wait in the queue; up
 * to a ceiling, and to twice {@code wanted} (the requests the run may have in flight now) plus two, so the
 * adaptive limit always has workers waiting to fill it when it grows; beyond two, only while that budget has a
 * place free ({@code room}). A table of a thousand items then runs a few
 * dozen writers, not the 144 its ceiling allows: each thread costs about 0.7 ms of CPU to start, park and stop,
 * more than a tenth of a 16-small-table run's CPU.
 *
 * <p>{@link #finish} puts one end marker once nothing more will be put; a worker that takes it puts it back for
 * the next and stops. Workers may still start after that, while items remain and the limit grows: a step whose
 * listing or scan ends in one page puts all its work while the limit is still low, and would otherwise keep the
 * few workers that limit allowed to the end (a bucket of a thousand objects on a 30 ms link ran 18 requests in
 * flight with 32 allowed). A handler must not throw for an item it cannot handle (it dead-letters it): a worker
 * that dies leaves the queue with one reader fewer.
 */
public final class QueueWorkers<T> {
    /** What a worker does with each item. */
    public interface Handler<T> {
        void handle(T item) throws Exception;
    }

    /** Workers beyond twice {@code wanted}, for a limit of one or two. */
    private static final int SLACK = 2;

    private final WorkerPool pool;
    private final BlockingQueue<T> queue;
    private final T end;
    private final int ceiling;
    private final IntSupplier wanted;
    private final IntSupplier room;
    private final Handler<T> handler;
    private final AtomicInteger waiting = new AtomicInteger();
    private final List<Future<?>> started = new ArrayList<>();

    /**
     * @param end      the marker that stops one worker; never handled
     * @param ceiling  workers at most
     * @param wanted   workers wanted now (read each time one more might start): the requests the run may have in flight
     * @param room     places free in that budget now: with none, a new worker would only wait for one (steps side by
     *                 side share the budget, and each step's own cap of twice the limit would start threads by the hundred)
     */
    public QueueWorkers(WorkerPool pool, BlockingQueue<T> queue, T end, int ceiling, IntSupplier wanted, IntSupplier room,
                        Handler<T> handler) {
        this.pool = pool;
        this.queue = queue;
        this.end = end;
        this.ceiling = Math.max(1, ceiling);
        this.wanted = wanted;
        this.room = room;
        this.handler = handler;
    }

    /** Queues {@code item} (waiting while the queue is full), and starts a worker if every started one is busy. */
    public void put(T item) throws InterruptedException {
        boolean oneIsWaiting = waiting.get() > 0; // asked before: a waiting worker takes the item at once, and then looks busy
        queue.put(item);
        if (!oneIsWaiting) {
            startOneMore();
        }
    }

    /** Workers started so far. */
    public synchronized int started() {
        return started.size();
    }

    /** Workers waiting for an item now. */
    int waiting() {
        return waiting.get();
    }

    /**
     * Nothing more will be put: puts the end marker and waits until every worker has stopped, those started
     * meanwhile included; returns them all (a failed one's future holds its failure).
     */
    public List<Future<?>> finish() throws InterruptedException {
        queue.put(end);
        int ended = 0;
        while (true) {
            List<Future<?>> workers;
            synchronized (this) {
                if (ended == started.size()) {
                    return List.copyOf(started);
                }
                workers = List.copyOf(started);
            }
            // a failure is the caller's to read from the returned futures, so the reasons here are not kept
            WorkerPool.awaitEach(workers.subList(ended, workers.size()), new ArrayList<>());
            ended = workers.size();
        }
    }

    private synchronized void startOneMore() {
        if (started.size() < Math.min(ceiling, 2L * wanted.getAsInt() + SLACK) && (started.size() < SLACK || room.getAsInt() > 0)) {
            started.add(pool.submit(this::drain));
        }
    }

    private Void drain() throws Exception {
        while (true) {
            T item;
            waiting.incrementAndGet();
            try {
                item = queue.take();
            } finally {
                waiting.decrementAndGet();
            }
            if (item == end) {
                queue.put(end); // for the next worker; it took this one's place, so the put never waits
                return null;
            }
            handler.handle(item);
            T next = queue.peek();
            if (waiting.get() == 0 && next != null && next != end) { // items wait and every worker is busy: the limit may have grown
                startOneMore();
            }
        }
    }
}
