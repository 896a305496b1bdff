package dev.migrator.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ConcurrentlyTest {

    @Test
    void theCallRunsWhileTheCallerGoesOn() throws Exception {
        CountDownLatch callerReached = new CountDownLatch(1);
        Supplier<Boolean> started = Concurrently.start("test", () -> {
            try {
                return callerReached.await(10, TimeUnit.SECONDS); // false if it ran only once the caller asked for it
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        callerReached.countDown();
        assertThat(started.get()).isTrue();
    }

    @Test
    void aFailureComesOutAsItselfNotWrapped() {
        IllegalArgumentException thrown = new IllegalArgumentException("no such bucket");
        Supplier<String> failing = Concurrently.start("test", () -> {
            throw thrown;
        });
        assertThatThrownBy(failing::get).isSameAs(thrown);
    }
}
