package dev.dispatcher.eval;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until told to move on: a replay advances it once per request, so a replayed file reads
 * as days of a team's work, not as one burst from one person. Thread-safe.
 */
final class SteppingClock extends Clock {

    private final Duration step;
    private volatile Instant now;

    SteppingClock(Instant start, Duration step) {
        this.now = start;
        this.step = step;
    }

    void advance() {
        now = now.plus(step);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
