package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.ops.DispatcherMetrics;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Background work")
class BackgroundWorkTest {

    @Test
    @DisplayName("refuses a job beyond its workers and queue at once, runs the accepted ones, and never the refused one")
    void boundedQueue() throws Exception {
        try (BackgroundWork work = new BackgroundWork(1, 1, new DispatcherMetrics())) {
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger ran = new AtomicInteger();
            // GIVEN the only worker is busy and one job waits
            assertThat(work.submit("first", () -> {
                running.countDown();
                await(release);
                ran.incrementAndGet();
            })).isTrue();
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(work.submit("second", ran::incrementAndGet)).isTrue();

            // WHEN a third job comes
            boolean third = work.submit("third", () -> ran.addAndGet(100));

            // THEN it is refused, and only the first two run
            assertThat(third).isFalse();
            assertThat(work.full()).isTrue();
            release.countDown();
            assertThat(work.awaitIdle(Duration.ofSeconds(5))).isTrue();
            assertThat(ran.get()).isEqualTo(2);
            assertThat(work.full()).isFalse();
        }
    }

    @Test
    @DisplayName("refuses new jobs once it is draining for shutdown")
    void refusesAfterDrain() {
        BackgroundWork work = new BackgroundWork(1, 10, new DispatcherMetrics());
        assertThat(work.drain(Duration.ofSeconds(1))).isTrue();
        assertThat(work.submit("late", () -> { })).isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
