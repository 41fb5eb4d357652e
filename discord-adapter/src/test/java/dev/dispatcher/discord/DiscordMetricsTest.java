package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import io.micrometer.core.instrument.Counter;
import java.nio.file.Path;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Discord process counts for {@code /metrics}: its requests to Discord, their outcomes, and its errors. */
class DiscordMetricsTest {

    @TempDir
    Path dir;

    private DiscordTestKit kit;

    @BeforeEach
    void start() {
        kit = DiscordTestKit.start(dir);
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    private double calls(String method, String outcome) {
        Counter counter = kit.core.metrics().registry().find("dispatcher.platform.calls")
                .tags("platform", "discord", "method", method, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private double errors(String kind) {
        Counter counter = kit.core.metrics().registry().find("dispatcher.errors").tags("platform", "discord", "kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    @DisplayName("'/route' counts each request to Discord by method, all ok: acknowledge, show, start the thread, post the prompt")
    void routeCountsItsRequests() {
        // WHEN
        kit.fire(kit.slash("Fix JWT token expiration"));

        // THEN
        assertThat(calls("deferReply", "ok")).isEqualTo(1);
        assertThat(calls("editOriginal", "ok")).isEqualTo(1);
        assertThat(calls("createThreadChannel", "ok")).isEqualTo(1);
        assertThat(calls("sendMessage", "ok")).isEqualTo(1);
        assertThat(kit.core.metrics().scrape())
                .contains("dispatcher_tasks_routed_total{platform=\"discord\",specialist=\"auth-system-architect\"} 1.0")
                .contains("dispatcher_platform_calls_total{method=\"editOriginal\",outcome=\"ok\",platform=\"discord\"} 1.0");
    }

    @Test
    @DisplayName("a request Discord refuses is counted under its ErrorResponse name, and as an error of its kind")
    void refusalIsCounted() {
        // GIVEN
        kit.failThreadsWith(Failures.of(ErrorResponse.MAX_ACTIVE_THREADS));

        // WHEN
        kit.fire(kit.slash("Fix JWT token expiration"));

        // THEN
        assertThat(calls("createThreadChannel", "MAX_ACTIVE_THREADS")).isEqualTo(1);
        assertThat(errors("thread_refused")).isEqualTo(1);
        // AND the answer that went to the channel instead is counted as it was sent
        assertThat(calls("sendMessage", "ok")).as("the notice and the prompt").isEqualTo(2);
    }

    @Test
    @DisplayName("an expired interaction is counted as UNKNOWN_INTERACTION and an interaction_expired error")
    void expiredInteractionIsCounted() {
        // GIVEN
        kit.failHookWith(Failures.of(ErrorResponse.UNKNOWN_INTERACTION));

        // WHEN
        kit.fire(kit.slash("Fix JWT token expiration"));

        // THEN
        assertThat(calls("editOriginal", "UNKNOWN_INTERACTION")).isEqualTo(1);
        assertThat(errors("interaction_expired")).isEqualTo(1);
    }

    @Test
    @DisplayName("an exception inside a listener is counted as an internal error")
    void listenerFailureIsCounted() {
        // GIVEN a channel that blows up when asked anything
        TextChannel broken = mock(TextChannel.class, withSettings()
                .extraInterfaces(MessageChannelUnion.class)
                .defaultAnswer(inv -> { throw new IllegalStateException("broken channel"); }));

        // WHEN
        kit.fire(kit.slash("Fix JWT token expiration", broken, kit.nextId()));

        // THEN
        assertThat(errors("internal")).isEqualTo(1);
    }

    @Test
    @DisplayName("every request is out of flight once Discord has answered it and its callback has run")
    void nothingLeftInFlight() {
        // WHEN
        kit.fire(kit.slash("Fix JWT token expiration"));

        // THEN
        assertThat(kit.work.running()).isZero();
    }
}
