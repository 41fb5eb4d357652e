package dev.dispatcher.conversation;

import java.time.Duration;

/**
 * How the pipeline runs its jobs.
 *
 * @param workers      threads that run jobs
 * @param queueLimit   jobs that may wait for a worker; beyond it the bot says it is busy
 * @param lease        how long a worker owns a job before another replica may take it over
 *                     ({@code DISPATCHER_JOB_LEASE_SECONDS}, default 60)
 * @param maxAge       work older than this is dropped instead of answered (default one hour)
 * @param workerName   thread name prefix, e.g. {@code slack-work}
 */
public record PipelineSettings(int workers, int queueLimit, Duration lease, Duration maxAge, String workerName) {

    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);

    public PipelineSettings {
        if (workers < 1 || queueLimit < 1 || lease.isNegative() || lease.isZero() || maxAge.compareTo(lease) < 0) {
            throw new IllegalArgumentException("pipeline settings out of range: " + workers + " workers, queue "
                    + queueLimit + ", lease " + lease + ", max age " + maxAge);
        }
    }

    /** How often expired leases are looked for: half a lease, at least once a second. */
    Duration resumeEvery() {
        return Duration.ofMillis(Math.max(1000, lease.toMillis() / 2));
    }
}
