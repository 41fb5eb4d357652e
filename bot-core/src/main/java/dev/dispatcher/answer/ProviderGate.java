package dev.dispatcher.answer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps users from waiting on a provider that is failing: after {@value #FAILURES_TO_OPEN} failures in a row (timeouts,
 * errors, unreadable streams) no request is sent for {@link #OPEN_FOR}, and after a 429 none until its
 * {@code Retry-After} has passed ({@link #DEFAULT_RETRY_AFTER} when the provider named no time). Once the pause is over
 * the next request tries again; another failure pauses it again at once. Thread-safe; time comes from the clock, so
 * tests move it instead of sleeping.
 */
final class ProviderGate {

    static final int FAILURES_TO_OPEN = 3;
    static final Duration OPEN_FOR = Duration.ofSeconds(60);
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(20);

    private final Clock clock;
    private int failuresInARow;
    private Instant pausedUntil = Instant.MIN;
    private String pauseReason = "";

    ProviderGate(Clock clock) {
        this.clock = clock;
    }

    /** Why no request may be sent now, or empty when one may. */
    synchronized Optional<ModelFailure> paused() {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) {
            long seconds = Math.max(1, Duration.between(now, pausedUntil).toSeconds());
            return Optional.of(new ModelFailure(ModelFailure.Kind.PAUSED, pauseReason + "; answers by model resume in about "
                    + seconds + " s"));
        }
        return Optional.empty();
    }

    synchronized void succeeded() {
        failuresInARow = 0;
    }

    synchronized void failed(ModelFailure failure) {
        Instant now = clock.instant();
        if (failure.kind() == ModelFailure.Kind.RATE_LIMITED) {
            Duration wait = failure.retryAfter() != null ? failure.retryAfter() : DEFAULT_RETRY_AFTER;
            pause(now.plus(wait), "the model provider asked us to slow down");
        } else if (failure.kind().providerTrouble()) {
            failuresInARow++;
            if (failuresInARow >= FAILURES_TO_OPEN) {
                pause(now.plus(OPEN_FOR), "the model provider failed " + failuresInARow + " times in a row");
            }
        }
    }

    private void pause(Instant until, String reason) {
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
            pauseReason = reason;
        }
    }
}
