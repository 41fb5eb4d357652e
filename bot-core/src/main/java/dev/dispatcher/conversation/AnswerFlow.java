package dev.dispatcher.conversation;

import dev.dispatcher.answer.Answer;
import dev.dispatcher.answer.AnswerLog;
import dev.dispatcher.answer.AnswerStream;
import dev.dispatcher.answer.Answerer;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.Dispatcher;
import dev.dispatcher.ops.DispatcherMetrics;
import dev.dispatcher.reply.Reply;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The specialist's answer under a routing reply, as the last step of a routing job. A model's answer runs on workers
 * of its own, so routing and the routing reply never wait for a model; the knowledge base's answer is written on the
 * routing worker. With a model, "<specialist> is answering…" is posted at once
 * and edited on a timer ({@link PlatformOutput#editInterval()}) as the answer streams; without one, the knowledge-base
 * answer is posted whole. The message is recorded on the job before the model is asked, so a resumed job edits that
 * message instead of answering twice, and the job's lease is renewed while the answer streams. Thread-safe.
 */
final class AnswerFlow {

    /** Renews a job's lease while its answer streams; {@code false} once another replica took the job over. */
    @FunctionalInterface
    interface Lease {
        boolean keep(Job job);
    }

    private static final Logger LOG = LoggerFactory.getLogger(AnswerFlow.class);

    private final Answerer answerer;
    private final AnswerLog log;
    private final Dispatcher dispatcher;
    private final JobSteps steps;
    private final PlatformOutput output;
    private final Workers workers;
    private final ScheduledExecutorService ticker;
    private final Lease lease;
    private final Duration renewEvery;
    private final DispatcherMetrics metrics;

    /** @param dispatcher ties the answer's message to its decision, so the misroute emoji on it works too */
    AnswerFlow(Answerer answerer, AnswerLog log, Dispatcher dispatcher, JobSteps steps, PlatformOutput output, Workers workers,
               ScheduledExecutorService ticker, Lease lease, Duration renewEvery, DispatcherMetrics metrics) {
        this.answerer = answerer;
        this.log = log;
        this.dispatcher = dispatcher;
        this.steps = steps;
        this.output = output;
        this.workers = workers;
        this.ticker = ticker;
        this.lease = lease;
        this.renewEvery = renewEvery;
        this.metrics = metrics;
    }

    /** Whether this event's channel gets answers ({@code DISPATCHER_ANSWER_CHANNELS}). */
    boolean wanted(InboundEvent event) {
        return answerer.answersIn(event.conversation().channel());
    }

    /**
     * Hands the answer to the answer workers; with none free and the queue full, the job ends without it (the routing
     * reply is already in the thread). Without a model the knowledge base answers at once, so it is written here, on
     * the routing worker: handing it to another thread would cost more than writing it.
     *
     * @param thread the message whose thread the answer goes into
     */
    void start(Job job, Reply reply, ConversationRef thread) {
        if (!answerer.usesModel()) {
            run(job, reply, thread);
            return;
        }
        if (!workers.reserve() || !workers.run(job.event() + " answer", () -> run(job, reply, thread))) {
            metrics.error(job.event().platform(), "answer_skipped");
            LOG.warn("{}: no answer worker free; the routing reply stands alone", job.event());
            steps.finish(job, JobStore.State.DONE);
        }
    }

    /** Waits until no answer is queued or being written here; for tests and orderly shutdown. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        return workers.awaitIdle(timeout);
    }

    int drain(Duration limit) {
        return workers.drain(limit);
    }

    private void run(Job started, Reply reply, ConversationRef thread) {
        Job job = started;
        try {
            StreamedAnswer shown = new StreamedAnswer(output, thread, job.spoken(), Answerer.answeringTitle(reply.specialist().id()));
            Answer answer;
            if (answerer.usesModel()) {
                ConversationRef first = shown.open();
                if (first == null) {
                    steps.finish(job, JobStore.State.DONE);
                    return;
                }
                if (job.spoken() == null) {
                    job = steps.spoken(job.withSpoken(first));
                }
                answer = streamed(job, reply, shown);
            } else {
                answer = answerer.answer(reply, AnswerStream.ignored());
            }
            ConversationRef message = shown.finish(answer);
            boolean firstShown = message != null && job.spoken() == null;
            Job done = firstShown ? job.withSpoken(message) : job;
            // The message, its record for votes, its tie to the decision and the job's end: one commit.
            steps.together(done, () -> {
                if (firstShown) {
                    steps.spoken(done);
                }
                if (message != null) {
                    record(message, reply, answer);
                }
                steps.finish(done, JobStore.State.DONE);
            });
            job = done;
            metrics.answered(answer.outcome().label(), answer.specialist(), answer.template(), answer.outcome().byModel(), answer.cited());
        } catch (RuntimeException e) {
            metrics.error(job.event().platform(), "answer_failed");
            LOG.error("{}: the answer under decision {} failed{}: {}", job.event(), reply.decisionId(),
                    job.durable() ? " (resumed once its lease runs out)" : "", e.getMessage(), e);
        }
    }

    private Answer streamed(Job job, Reply reply, StreamedAnswer shown) {
        long interval = output.editInterval().toMillis();
        long[] renewedAt = {System.nanoTime()};
        ScheduledFuture<?> tick = ticker.scheduleWithFixedDelay(() -> {
            try {
                shown.flush();
                if (System.nanoTime() - renewedAt[0] > renewEvery.toNanos()) {
                    renewedAt[0] = System.nanoTime();
                    if (!lease.keep(job)) {
                        LOG.warn("{}: its lease was taken over while the answer streamed", job.event());
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("{}: could not show the streaming answer: {}", job.event(), e.getMessage());
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
        try {
            return answerer.answer(reply, shown);
        } finally {
            tick.cancel(false);
        }
    }

    private void record(ConversationRef message, Reply reply, Answer answer) {
        try {
            log.record(message, reply.decisionId(), answer);
            dispatcher.attach(reply.decisionId(), message);
        } catch (RuntimeException e) {
            LOG.error("decision {}: the answer was shown but not recorded, so votes on it are ignored: {}", reply.decisionId(),
                    e.getMessage());
        }
    }
}
