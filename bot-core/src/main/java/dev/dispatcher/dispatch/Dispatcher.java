package dev.dispatcher.dispatch;

import dev.dispatcher.ops.DispatcherMetrics;
import dev.dispatcher.reply.Reply;
import dev.dispatcher.reply.ReplyComposer;
import dev.dispatcher.routing.RoutingDecision;
import dev.dispatcher.routing.Router;
import dev.dispatcher.store.DecisionLog;
import dev.dispatcher.store.StoreException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point every front end calls: route a task, record the decision, compose the reply; later, tie the
 * reply to the message that shows it. Thread-safe.
 */
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Supplier<? extends AnswerSource> answers;
    private final DecisionLog decisions;
    private final DispatcherMetrics metrics;

    /** A dispatcher whose router and composer never change. */
    public Dispatcher(Router router, DecisionLog decisions, ReplyComposer composer, DispatcherMetrics metrics) {
        this(() -> AnswerSource.of(router, composer), decisions, metrics);
    }

    /**
     * A dispatcher that routes each task with the current knowledge-base version.
     *
     * @param answers the current router and composer, asked once per task (a reload swaps what it returns)
     */
    public Dispatcher(Supplier<? extends AnswerSource> answers, DecisionLog decisions, DispatcherMetrics metrics) {
        this.answers = answers;
        this.decisions = decisions;
        this.metrics = metrics;
    }

    /**
     * Routes and records a task.
     *
     * <p>If the decision cannot be stored, the user still gets the answer; the reply then takes no feedback and the
     * failure is logged. A task with nothing visible in it is answered as empty and not stored.
     */
    public Reply dispatch(Task task) {
        long start = System.nanoTime();
        // Nothing visible (zero-width characters, no-break spaces) is an empty task: usage help, nothing stored.
        boolean blank = TaskText.isBlank(task.text());
        AnswerSource current = answers.get();
        RoutingDecision decision = current.router().route(blank ? "" : task.text());
        String decisionId = null;
        try {
            decisionId = blank ? null : decisions.record(task, decision);
        } catch (StoreException e) {
            // One line, no stack trace: a read-only or full disk fails every task the same way.
            LOG.error("could not record decision for {} on {}: {}", task.requester(), task.origin().platform(), e.getMessage());
        }
        Reply reply = current.composer().compose(decisionId, task.text(), decision);
        metrics.routed(task.origin().platform(), decision, java.time.Duration.ofNanos(System.nanoTime() - start));
        return reply;
    }

    /**
     * Composes the reply of a decision recorded earlier, routing the task again without recording it twice: for work
     * resumed after a crash, whose decision was stored before its answer was posted.
     */
    public Reply replay(String decisionId, Task task) {
        AnswerSource current = answers.get();
        return current.composer().compose(decisionId, task.text(), current.router().route(task.text()));
    }

    /** Remembers which platform message carries a decision's reply, so reactions on it find the decision. */
    public void attach(String decisionId, ConversationRef replyMessage) {
        if (decisionId != null) {
            decisions.attach(decisionId, replyMessage);
        }
    }

    /** The router of the current knowledge-base version. */
    public Router router() {
        return answers.get().router();
    }
}
