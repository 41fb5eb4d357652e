package dev.dispatcher.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.testkit.StoreKit;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The provider gate keeps users from waiting on a failing or rate-limited provider")
class ProviderGateTest {

    private final StoreKit.TestClock clock = new StoreKit.TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final ProviderGate gate = new ProviderGate(clock);

    private static ModelFailure failure(ModelFailure.Kind kind) {
        return new ModelFailure(kind, kind.label());
    }

    @Test
    @DisplayName("three provider failures in a row open it for a minute; then the next request may try again")
    void opensAfterThreeFailures() {
        gate.failed(failure(ModelFailure.Kind.TIMEOUT));
        gate.failed(failure(ModelFailure.Kind.PROVIDER_ERROR));
        assertThat(gate.paused()).isEmpty();

        gate.failed(failure(ModelFailure.Kind.MALFORMED));
        assertThat(gate.paused()).get().satisfies(f -> assertThat(f.reason()).contains("failed 3 times in a row"));

        clock.advance(ProviderGate.OPEN_FOR.plusSeconds(1));
        assertThat(gate.paused()).isEmpty();
    }

    @Test
    @DisplayName("a success in between starts the count again")
    void successResets() {
        gate.failed(failure(ModelFailure.Kind.TIMEOUT));
        gate.failed(failure(ModelFailure.Kind.TIMEOUT));
        gate.succeeded();
        gate.failed(failure(ModelFailure.Kind.TIMEOUT));

        assertThat(gate.paused()).isEmpty();
    }

    @Test
    @DisplayName("empty answers and refusals say nothing about the provider's health")
    void answerProblemsDoNotCount() {
        for (int i = 0; i < 5; i++) {
            gate.failed(failure(ModelFailure.Kind.EMPTY));
            gate.failed(failure(ModelFailure.Kind.REFUSED));
        }

        assertThat(gate.paused()).isEmpty();
    }

    @Test
    @DisplayName("a 429 pauses it for exactly its Retry-After, or 20 s when the provider named no time")
    void rateLimit() {
        gate.failed(new ModelFailure(ModelFailure.Kind.RATE_LIMITED, "HTTP 429", Duration.ofSeconds(7)));
        clock.advance(Duration.ofSeconds(6));
        assertThat(gate.paused()).isPresent();
        clock.advance(Duration.ofSeconds(2));
        assertThat(gate.paused()).isEmpty();

        gate.failed(new ModelFailure(ModelFailure.Kind.RATE_LIMITED, "HTTP 429", null));
        clock.advance(ProviderGate.DEFAULT_RETRY_AFTER.minusSeconds(1));
        assertThat(gate.paused()).isPresent();
    }

    @Test
    @DisplayName("Retry-After in seconds or as an HTTP date")
    void retryAfterFormats() {
        assertThat(RetryAfterWatch.parse("12")).isEqualTo(Duration.ofSeconds(12));
        assertThat(RetryAfterWatch.parse("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(RetryAfterWatch.parse("soon")).isNull();
    }
}
