package dev.dispatcher.conversation;

import dev.dispatcher.ops.DispatcherMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a job's completed steps in the {@link JobStore}, for durable jobs only (a job the store could not take lives
 * in memory and records nothing). A step that cannot be recorded is logged and counted, and the job goes on: the
 * answer matters more than the record, and at worst a resumed job repeats that step. Thread-safe.
 */
final class JobSteps {

    private static final Logger LOG = LoggerFactory.getLogger(JobSteps.class);

    private final JobStore store;
    private final DispatcherMetrics metrics;

    JobSteps(JobStore store, DispatcherMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    Job rootPosted(Job job) {
        record(job, () -> store.rootPosted(job));
        return job;
    }

    Job answered(Job job) {
        record(job, () -> store.answered(job));
        return job;
    }

    /** The routing answer is posted; the specialist's answer follows, so the job stays pending. */
    Job analysed(Job job) {
        record(job, () -> store.analysed(job));
        return job;
    }

    Job spoken(Job job) {
        record(job, () -> store.spoken(job));
        return job;
    }

    /** Keeps the job this worker's while a long step (a streamed answer) runs; {@code false} if another replica took it. */
    boolean renew(Job job, String owner, java.time.Instant until) {
        if (!job.durable()) {
            return true;
        }
        try {
            return store.renew(job, owner, until);
        } catch (RuntimeException e) {
            LOG.warn("{}: could not renew its lease: {}", job.event(), e.getMessage());
            return true;
        }
    }

    /**
     * Records a step together with what goes with it (the posted message's tie to its decision) in one commit instead
     * of one each; a durable job only, else the writes run as they are.
     */
    void together(Job job, Runnable writes) {
        if (!job.durable()) {
            writes.run();
            return;
        }
        record(job, () -> store.together(writes));
    }

    void finish(Job job, JobStore.State state) {
        record(job, () -> store.finish(job, state));
    }

    private void record(Job job, Runnable write) {
        if (!job.durable()) {
            return;
        }
        try {
            write.run();
        } catch (RuntimeException e) {
            metrics.error(job.event().platform(), "job_step_not_recorded");
            LOG.error("{}: a completed step could not be recorded; if the job is resumed it may repeat it: {}",
                    job.event(), e.getMessage());
        }
    }
}
