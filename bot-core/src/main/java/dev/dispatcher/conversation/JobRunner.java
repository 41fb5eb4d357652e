package dev.dispatcher.conversation;

import dev.dispatcher.ops.DispatcherMetrics;
import dev.dispatcher.ops.EventLog;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job on a worker: checks its age, hands it to its flow, and logs the handled event once. Work too old to be
 * useful is dropped, work whose callback expired is finished the best remaining way, and a job that keeps failing is
 * given up after {@value #MAX_ATTEMPTS} attempts; each of these with a log line and a metric. A job that throws stays
 * pending and is resumed when its lease runs out. Thread-safe.
 */
final class JobRunner {

    /** Attempts before a job is given up; each failed one waits for its lease to run out first. */
    static final int MAX_ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

    private final RoutingFlow routing;
    private final FeedbackFlow feedback;
    private final JobSteps steps;
    private final PlatformOutput output;
    private final DispatcherMetrics metrics;
    private final Clock clock;
    private final Duration maxAge;

    JobRunner(RoutingFlow routing, FeedbackFlow feedback, JobSteps steps, PlatformOutput output, DispatcherMetrics metrics,
              Clock clock, Duration maxAge) {
        this.routing = routing;
        this.feedback = feedback;
        this.steps = steps;
        this.output = output;
        this.metrics = metrics;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    void run(Job job) {
        InboundEvent event = job.event();
        String platform = event.platform();
        try {
            Duration age = Duration.between(event.receivedAt(), clock.instant());
            if (age.compareTo(maxAge) > 0) {
                metrics.jobExpired(platform, "dropped");
                LOG.warn("{}: dropped unanswered, {} s old (older than {} s is no use to anyone)", event, age.toSeconds(),
                        maxAge.toSeconds());
                steps.finish(job, JobStore.State.EXPIRED);
                return;
            }
            if (job.attempts() > MAX_ATTEMPTS) {
                metrics.jobFailed(platform);
                LOG.error("{}: given up after {} attempts", event, MAX_ATTEMPTS);
                steps.finish(job, JobStore.State.FAILED);
                return;
            }
            Job runnable = job;
            if (event.callback() != null && age.compareTo(output.callbackLifetime()) > 0) {
                metrics.jobExpired(platform, "degraded");
                LOG.warn("{}: {} s old, past the platform's {} s to answer it directly; answering in the channel instead",
                        event, age.toSeconds(), output.callbackLifetime().toSeconds());
                runnable = job.withEvent(event.withoutCallback());
            }
            Handled handled = event.kind().routes() ? routing.run(runnable) : feedback.run(runnable);
            EventLog.handled(platform, event.kind().logName(), event.conversation().channel(), event.id(),
                    handled.decisionId(), handled.specialist(), Duration.between(event.receivedAt(), clock.instant()));
        } catch (RuntimeException e) {
            metrics.error(platform, "job_failed");
            LOG.error("{} failed on attempt {}: {}{}", event, job.attempts(), e.getMessage(),
                    job.durable() ? "; it is resumed once its lease runs out" : "", e);
        }
    }
}
