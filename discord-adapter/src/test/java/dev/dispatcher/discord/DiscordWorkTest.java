package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.ops.DispatcherMetrics;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Discord workers")
class DiscordWorkTest {

    private final InFlightWork inFlight = new InFlightWork();
    private final DispatcherMetrics metrics = new DispatcherMetrics();
    private final DiscordWork workers = DiscordWork.pooled(2, inFlight, new DiscordCalls(metrics, inFlight));

    @Test
    @DisplayName("run a job off the caller's thread, and count it in flight until it ends, so a shutdown waits for it")
    void countsInFlight() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> ranOn = new AtomicReference<>();

        workers.run("slow job", () -> {
            ranOn.set(Thread.currentThread().getName());
            await(release);
        });

        assertThat(inFlight.awaitIdle(Duration.ofMillis(50))).isFalse();
        release.countDown();
        assertThat(inFlight.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(ranOn.get()).startsWith("discord-work-").isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    @DisplayName("log and count a failing job, and keep working")
    void survivesFailures() throws Exception {
        workers.run("broken job", () -> {
            throw new IllegalStateException("boom");
        });
        CountDownLatch ran = new CountDownLatch(1);
        workers.run("next job", ran::countDown);

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(inFlight.awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(metrics.registry().find("dispatcher.errors").tag("platform", "discord").counter().count()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
