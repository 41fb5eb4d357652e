package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.InteractionExpiredException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DiscordFailuresTest {

    private final MockDiscord discord = new MockDiscord();

    @Test
    @DisplayName("expired interactions are recognised however JDA reports them")
    void expiredInteractions() {
        assertThat(DiscordFailures.isExpiredInteraction(Failures.of(ErrorResponse.UNKNOWN_INTERACTION))).isTrue();
        assertThat(DiscordFailures.isExpiredInteraction(new InteractionExpiredException())).isTrue();
        assertThat(DiscordFailures.isExpiredInteraction(new TimeoutException("Timed out waiting for interaction acknowledgement"))).isTrue();
        assertThat(DiscordFailures.isExpiredInteraction(Failures.of(ErrorResponse.MISSING_PERMISSIONS))).isFalse();
    }

    @Test
    @DisplayName("a missing permission JDA detects before asking Discord is named")
    void missingPermissionNamed() {
        // GIVEN
        var failure = new InsufficientPermissionException(discord.channel, Permission.CREATE_PUBLIC_THREADS);

        // THEN
        assertThat(DiscordFailures.describe(failure)).isEqualTo("missing permission Create Public Threads");
        assertThat(DiscordFailures.isThreadRefusal(failure)).isTrue();
    }

    @Test
    @DisplayName("Discord's refusals of a thread send the answer to the channel; a deleted message does not")
    void threadRefusals() {
        assertThat(DiscordFailures.isThreadRefusal(Failures.of(ErrorResponse.THREAD_WITH_THIS_MESSAGE_ALREADY_EXISTS))).isTrue();
        assertThat(DiscordFailures.isThreadRefusal(Failures.of(ErrorResponse.MAX_ACTIVE_THREADS))).isTrue();
        assertThat(DiscordFailures.isThreadRefusal(Failures.of(ErrorResponse.UNKNOWN_MESSAGE))).isFalse();
        assertThat(DiscordFailures.describe(Failures.of(ErrorResponse.UNKNOWN_MESSAGE))).isEqualTo("the message no longer exists");
    }

    @Test
    @DisplayName("a rate limit is described with the route and the wait")
    void rateLimit() {
        assertThat(DiscordFailures.describe(new RateLimitedException("channels/3000/messages", 1500)))
                .isEqualTo("rate limited by Discord on channels/3000/messages; retry after 1500 ms");
    }

    @Test
    @DisplayName("a failed request is counted under the ErrorResponse name Discord gave, or a short label when JDA failed it")
    void outcomeLabels() {
        assertThat(DiscordFailures.outcome(Failures.of(ErrorResponse.UNKNOWN_INTERACTION))).isEqualTo("UNKNOWN_INTERACTION");
        assertThat(DiscordFailures.outcome(Failures.of(ErrorResponse.MAX_ACTIVE_THREADS))).isEqualTo("MAX_ACTIVE_THREADS");
        assertThat(DiscordFailures.outcome(new RateLimitedException("channels/3000/messages", 1500))).isEqualTo("RATE_LIMITED");
        assertThat(DiscordFailures.outcome(new RejectedExecutionException("The Requester has been stopped!")))
                .isEqualTo("SHUTTING_DOWN");
    }

    @Test
    @DisplayName("errors are counted by a few stable kinds, however JDA reports them")
    void errorKinds() {
        assertThat(DiscordFailures.kind(new InteractionExpiredException())).isEqualTo("interaction_expired");
        assertThat(DiscordFailures.kind(Failures.of(ErrorResponse.UNKNOWN_INTERACTION))).isEqualTo("interaction_expired");
        assertThat(DiscordFailures.kind(new InsufficientPermissionException(discord.channel, Permission.MESSAGE_SEND)))
                .isEqualTo("missing_permissions");
        assertThat(DiscordFailures.kind(Failures.of(ErrorResponse.MISSING_PERMISSIONS))).isEqualTo("missing_permissions");
        assertThat(DiscordFailures.kind(Failures.of(ErrorResponse.UNKNOWN_CHANNEL))).isEqualTo("gone");
        assertThat(DiscordFailures.kind(Failures.of(ErrorResponse.THREAD_LOCKED))).isEqualTo("thread_refused");
        assertThat(DiscordFailures.kind(Failures.of(ErrorResponse.SERVER_ERROR))).isEqualTo("discord_error");
        assertThat(DiscordFailures.kind(new IllegalStateException("bug"))).isEqualTo("internal");
    }
}
