package dev.dispatcher.conversation;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.feedback.StatsRenderer;
import dev.dispatcher.ops.DispatcherMetrics;
import dev.dispatcher.store.StoreException;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation pipeline of one bot process: every platform event goes in through {@link #accept}, is claimed once
 * and stored as a job, acknowledged, and run on a bounded worker that answers through the adapter's
 * {@link PlatformOutput}. While it runs it also resumes jobs whose worker died, here or on another replica, once their
 * lease has run out. Thread-safe.
 *
 * <pre>{@code
 * Pipeline pipeline = Pipeline.start(core, output, settings);
 * switch (pipeline.accept(event, () -> interaction.deferReply().queue())) { ... }
 * }</pre>
 */
public final class Pipeline implements AutoCloseable {

    /** What became of an event handed to {@link #accept}. */
    public enum Intake {
        /** Stored (or, with the store down, taken in memory), acknowledged, and on its way to a worker. */
        ACCEPTED,
        /** Claimed before: a retry or replay of an event already taken here or on another replica. Not acknowledged. */
        DUPLICATE,
        /** Every worker busy and the queue full: nothing was stored; the adapter says so or asks for a retry. */
        BUSY
    }

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final Duration PRUNE_AFTER = Duration.ofDays(2);

    private final JobStore store;
    private final JobRunner runner;
    private final Workers workers;
    private final DispatcherMetrics metrics;
    private final PipelineSettings settings;
    private final Clock clock;
    private final String owner;
    private final AnswerFlow answers;
    private final ScheduledExecutorService ticker;
    private final ScheduledExecutorService resumer;
    private final GroupCommit intake;
    private final InFlightCount arriving = new InFlightCount();

    Pipeline(JobStore store, JobRunner runner, Workers workers, AnswerFlow answers, ScheduledExecutorService ticker,
             String owner, DispatcherMetrics metrics, PipelineSettings settings, Clock clock) {
        this.store = store;
        this.runner = runner;
        this.workers = workers;
        this.answers = answers;
        this.ticker = ticker;
        this.owner = owner;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        this.intake = new GroupCommit(store, owner, settings.lease(), clock, settings.workerName());
        this.resumer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, settings.workerName() + "-resume");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Builds the pipeline of a bot process whose events carry the roles that matter for who may teach (Discord, the
     * shell); it resumes nothing until {@link #startResuming()}.
     *
     * @param output how this platform speaks
     */
    public static Pipeline create(BotCore core, PlatformOutput output, PipelineSettings settings) {
        return create(core, output, settings, Memberships.carried());
    }

    /**
     * Builds the pipeline of a bot process that asks the platform which groups a person belongs to (Slack's user groups)
     * when that decides whether their correction teaches; it resumes nothing until {@link #startResuming()}.
     *
     * @param output      how this platform speaks
     * @param memberships the groups of whoever chooses a specialist, asked only when {@code DISPATCHER_TEACHERS} needs them
     */
    public static Pipeline create(BotCore core, PlatformOutput output, PipelineSettings settings, Memberships memberships) {
        Clock clock = core.clock();
        DispatcherMetrics metrics = core.metrics();
        JobStore store = new JobStore(core.database(), clock);
        JobSteps steps = new JobSteps(store, metrics);
        String owner = replicaName();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon(settings.workerName() + "-edits"));
        AnswerFlow answers = new AnswerFlow(core.answerer(), core.answerLog(), core.dispatcher(), steps, output,
                Workers.pool(settings.workers(), settings.queueLimit(), settings.workerName() + "-answer"), ticker,
                job -> steps.renew(job, owner, clock.instant().plus(settings.lease())), settings.lease().dividedBy(3), metrics);
        RoutingFlow routing = new RoutingFlow(core.dispatcher(), steps, output, () -> statistics(core), metrics, answers);
        FeedbackFlow feedback = new FeedbackFlow(core.feedback(), core.answerLog(), steps, output, metrics,
                core.settings().teachers(), memberships);
        JobRunner runner = new JobRunner(routing, feedback, steps, output, metrics, clock, settings.maxAge());
        metrics.watchPendingJobs(store::pending);
        return new Pipeline(store, runner, Workers.pool(settings.workers(), settings.queueLimit(), settings.workerName()),
                answers, ticker, owner, metrics, settings, clock);
    }

    /** The statistics {@code /route stats} shows: routing, then whether answers helped. */
    private static String statistics(BotCore core) {
        String routing = StatsRenderer.text(core.stats().standardWindows(), core.cache().stats());
        String answers = core.answerStats().text();
        return answers.isEmpty() ? routing : routing + "\n\n" + answers;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Takes an event and waits until it is stored: claims it, stores it as a job, runs {@code acknowledge}, and hands
     * the job to a worker. For platforms whose acknowledgement is the handler's answer (Slack). When the store is down
     * the event is still answered, from memory, and the answer says it was not recorded; one log line and
     * {@code dispatcher_jobs_unrecorded_total} say so too.
     *
     * @param acknowledge what the platform must be sent before the work starts; a no-op where the acknowledgement is
     *                    the handler's return value
     */
    public Intake accept(InboundEvent event, Runnable acknowledge) {
        if (!workers.reserve()) {
            return busy(event);
        }
        arriving.begin();
        try {
            return admit(event, event.key() == null ? null : storedNow(event), acknowledge);
        } finally {
            arriving.end();
        }
    }

    /**
     * Takes an event without waiting for the store: returns at once, and once the job is stored (together with the
     * others that arrived meanwhile, in one transaction) runs {@code acknowledge} and hands the job to a worker, on the
     * pipeline's intake thread. For platforms whose acknowledgement is a request of its own, sent from an event thread
     * that must not wait for a disk (Discord's gateway). A repeat is dropped silently.
     *
     * @return {@link Intake#BUSY} at once when there is no room; otherwise {@link Intake#ACCEPTED}
     */
    public Intake acceptLater(InboundEvent event, Runnable acknowledge) {
        if (!workers.reserve()) {
            return busy(event);
        }
        arriving.begin();
        if (event.key() == null) {
            try {
                admit(event, null, acknowledge);
            } finally {
                arriving.end();
            }
            return Intake.ACCEPTED;
        }
        intake.store(event).whenComplete((stored, failure) -> {
            try {
                admit(event, failure == null ? stored : unrecorded(event, failure), acknowledge);
            } catch (RuntimeException e) {
                LOG.error("{}: could not be handed to a worker: {}", event, e.getMessage(), e);
            } finally {
                arriving.end();
            }
        });
        return Intake.ACCEPTED;
    }

    private Intake busy(InboundEvent event) {
        metrics.error(event.platform(), "busy");
        LOG.warn("{} refused: every worker busy and the queue full", event);
        return Intake.BUSY;
    }

    /** {@code true} stored, {@code false} a repeat, {@code null} the store could not take it. */
    private Boolean storedNow(InboundEvent event) {
        try {
            return intake.store(event).join();
        } catch (CompletionException e) {
            return unrecorded(event, e.getCause());
        }
    }

    private Boolean unrecorded(InboundEvent event, Throwable failure) {
        metrics.jobUnrecorded(event.platform());
        LOG.error("{} cannot be stored, so it is answered without a record: {}", event, failure.getMessage());
        return null;
    }

    /** Acknowledges and runs a job that was stored ({@code stored} true) or could not be; drops a repeat. */
    private Intake admit(InboundEvent event, Boolean stored, Runnable acknowledge) {
        if (Boolean.FALSE.equals(stored)) {
            workers.release();
            metrics.duplicateDropped(event.platform());
            LOG.debug("{} was taken before; dropping the repeat", event);
            return Intake.DUPLICATE;
        }
        acknowledge.run();
        run(Job.fresh(event, Boolean.TRUE.equals(stored)), clock.millis());
        return Intake.ACCEPTED;
    }

    /** Starts resuming jobs whose lease ran out: now (work a crash left behind) and every half lease from then on. */
    public void startResuming() {
        long every = settings.resumeEvery().toMillis();
        resumer.scheduleWithFixedDelay(this::resumeExpired, 0, every, TimeUnit.MILLISECONDS);
        resumer.scheduleWithFixedDelay(this::prune, 1, 60, TimeUnit.MINUTES);
    }

    /** Every worker is busy and the queue is full: new events would be refused. */
    public boolean full() {
        return workers.full();
    }

    /** Waits until no event is being stored and no job is queued or running here; for tests and orderly shutdown. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        return arriving.awaitIdle(timeout) && workers.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))
                && answers.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    /** Takes over the jobs whose lease ran out, as many as the queue has room for. */
    void resumeExpired() {
        try {
            List<Job> jobs = store.claimExpired(owner, settings.lease(), workers.spare());
            for (Job job : jobs) {
                if (!workers.reserve()) {
                    LOG.info("{}: no room to resume it now; it is taken again once its new lease runs out", job.event());
                    continue;
                }
                metrics.jobResumed(job.event().platform());
                LOG.info("{}: resuming (attempt {}) after its worker's lease ran out", job.event(), job.attempts());
                run(job, clock.millis());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not look for jobs to resume: {}", e.getMessage());
        }
    }

    /** Runs a job in the place reserved for it. */
    private void run(Job job, long leasedAt) {
        boolean taken = workers.run(job.event().toString(), () -> {
            if (job.durable() && !leaseStillOurs(job, leasedAt)) {
                return;
            }
            runner.run(job);
        });
        if (!taken) {
            LOG.warn("{}: the workers are shutting down; {}", job.event(), job.durable()
                    ? "it stays stored and is resumed once its lease runs out" : "it was not stored and is lost");
        }
    }

    /** A job that waited long in the queue renews its lease first, unless another replica took it over meanwhile. */
    private boolean leaseStillOurs(Job job, long leasedAt) {
        if (clock.millis() - leasedAt < settings.lease().toMillis() / 2) {
            return true;
        }
        try {
            if (store.renew(job, owner, clock.instant().plus(settings.lease()))) {
                return true;
            }
            LOG.info("{}: another replica took it over while it waited here", job.event());
            return false;
        } catch (StoreException e) {
            return true;   // the store cannot say; answering twice is better than never
        }
    }

    private void prune() {
        try {
            store.prune(PRUNE_AFTER);
        } catch (RuntimeException e) {
            LOG.warn("could not prune finished jobs: {}", e.getMessage());
        }
    }

    /**
     * Stops resuming, finishes the jobs already running or queued here within {@code limit}; what is left stays stored
     * and is resumed by another replica or the next start.
     *
     * @return whether all of it finished in time
     */
    public boolean drain(Duration limit) {
        resumer.shutdownNow();
        intake.close();
        long deadline = System.nanoTime() + limit.toNanos();
        int left = workers.drain(limit);
        left += answers.drain(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        ticker.shutdownNow();
        if (left > 0) {
            LOG.warn("shutdown: {} jobs unfinished after {} s; they stay stored and are resumed once their lease runs out",
                    left, limit.toSeconds());
        }
        return left == 0;
    }

    @Override
    public void close() {
        drain(Workers.DRAIN_LIMIT);
    }

    private static String replicaName() {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return ManagementFactory.getRuntimeMXBean().getName() + "-" + HexFormat.of().formatHex(random);
    }
}
