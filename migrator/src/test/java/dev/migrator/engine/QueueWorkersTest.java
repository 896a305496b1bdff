package dev.migrator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueueWorkersTest {
    private static final Integer END = -1;

    @Test
    void aTrickleOfWorkKeepsOneWorkerAndEveryItemIsHandledOnce() throws Exception {
        Set<Integer> handled = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        try (WorkerPool pool = WorkerPool.of(64, "test")) {
            QueueWorkers<Integer> workers = new QueueWorkers<>(pool, new ArrayBlockingQueue<>(64), END, 64, () -> 64, () -> 1, item -> {
                if (!handled.add(item)) {
                    duplicates.incrementAndGet();
                }
            });
            for (int i = 0; i < 200; i++) {
                workers.put(i);
                awaitWaiting(workers, handled, i + 1);
            }
            WorkerPool.awaitAll(workers.finish());
            assertThat(workers.started()).isEqualTo(1);
        }
        assertThat(handled).hasSize(200);
        assertThat(duplicates).hasValue(0);
    }

    @Test
    void busyWorkersBringMoreUpToTwiceWhatTheRequestsInFlightAllowPlusTwo() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger(6);
        int put = 0;
        try (WorkerPool pool = WorkerPool.of(64, "test")) {
            QueueWorkers<Integer> workers = new QueueWorkers<>(pool, new ArrayBlockingQueue<>(5000), END, 40, inFlight::get, () -> 1, item -> {
                release.await();
                handled.incrementAndGet();
            });
            while (put < 2000 && workers.started() < 14) {
                workers.put(put++);
            }
            for (int i = 0; i < 100; i++) {
                workers.put(put++);
            }
            assertThat(workers.started()).as("6 in flight allowed: twice that, plus two").isEqualTo(14);
            inFlight.set(1000); // the adaptive limit grew: the next items bring more, up to the ceiling
            while (put < 4000 && workers.started() < 40) {
                workers.put(put++);
            }
            for (int i = 0; i < 100; i++) {
                workers.put(put++);
            }
            assertThat(workers.started()).isEqualTo(40);
            release.countDown();
            WorkerPool.awaitAll(workers.finish());
        }
        assertThat(handled).hasValue(put);
    }

    /** With no place free in the shared budget (other steps hold it), a new worker would only wait: none starts beyond two. */
    @Test
    void aFullBudgetStartsNoWorkerBeyondTwo() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        AtomicInteger room = new AtomicInteger(0);
        try (WorkerPool pool = WorkerPool.of(64, "test")) {
            QueueWorkers<Integer> workers = new QueueWorkers<>(pool, new ArrayBlockingQueue<>(1000), END, 64, () -> 64, room::get, item -> {
                release.await();
                handled.incrementAndGet();
            });
            for (int i = 0; i < 100; i++) {
                workers.put(i);
            }
            assertThat(workers.started()).isEqualTo(2);
            room.set(5);
            for (int i = 100; i < 200; i++) {
                workers.put(i);
            }
            assertThat(workers.started()).as("places free again: more start, up to twice the limit plus two").isGreaterThan(2);
            release.countDown();
            WorkerPool.awaitAll(workers.finish());
        }
        assertThat(handled).hasValue(200);
    }

    /**
     * A step that put all its work while the limit was low (a one-page listing) still gets more workers once the
     * limit grows: finishing does not freeze the count.
     */
    @Test
    void workersStillStartAfterFinishWhenTheLimitGrows() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger(1);
        try (WorkerPool pool = WorkerPool.of(64, "test")) {
            QueueWorkers<Integer> workers = new QueueWorkers<>(pool, new ArrayBlockingQueue<>(1000), END, 64, inFlight::get, () -> 1, item -> {
                release.await();
                Thread.sleep(1);
                handled.incrementAndGet();
            });
            for (int i = 0; i < 500; i++) {
                workers.put(i);
            }
            assertThat(workers.started()).as("1 in flight allowed: twice that, plus two").isEqualTo(4);
            inFlight.set(20);
            release.countDown();
            assertThat(workers.finish()).hasSizeGreaterThan(4).hasSizeLessThanOrEqualTo(42);
        }
        assertThat(handled).hasValue(500);
    }

    /** Workers that finish an item while {@code finish} runs, and those they start then, all end; no item is lost. */
    @Test
    void finishWhileItemsAreStillQueuedEndsEveryWorkerAndLosesNoItem() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int round = 0; round < 30; round++) {
                AtomicInteger handled = new AtomicInteger();
                try (WorkerPool pool = WorkerPool.of(64, "test")) {
                    QueueWorkers<Integer> workers = new QueueWorkers<>(pool, new ArrayBlockingQueue<>(2000), END, 64, () -> 64, () -> 1, item -> {
                        if (item % 7 == 0) {
                            Thread.sleep(1);
                        }
                        handled.incrementAndGet();
                    });
                    for (int i = 0; i < 1000; i++) {
                        workers.put(i);
                    }
                    WorkerPool.awaitAll(workers.finish());
                }
                assertThat(handled).hasValue(1000);
            }
        });
    }

    @Test
    void finishEndsEveryStartedWorkerEvenWhenNothingWasPut() throws Exception {
        try (WorkerPool pool = WorkerPool.of(4, "test")) {
            QueueWorkers<Integer> workers = new QueueWorkers<>(pool, new ArrayBlockingQueue<>(4), END, 4, () -> 4, () -> 1, item -> {});
            assertThat(workers.finish()).isEmpty();
        }
    }

    /** Until the item is handled and its worker is back waiting on the queue. */
    private static void awaitWaiting(QueueWorkers<Integer> workers, Set<Integer> handled, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((handled.size() < count || workers.waiting() < workers.started()) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
