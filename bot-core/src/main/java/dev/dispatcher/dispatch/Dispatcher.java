package dev.dispatcher.dispatch;

import dev.dispatcher.ops.DispatcherMetrics;
import dev.dispatcher.reply.Reply;
import dev.dispatcher.reply.ReplyComposer;
import dev.dispatcher.routing.RoutingDecision;
import dev.dispatcher.routing.Router;
import dev.dispatcher.store.DecisionLog;
import dev.dispatcher.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point every front end calls: route a task, record the decision, compose the reply; later, tie the
 * reply to the message that shows it. Thread-safe.
 */
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Router router;
    private final DecisionLog decisions;
    private final ReplyComposer composer;
    private final DispatcherMetrics metrics;

    public Dispatcher(Router router, DecisionLog decisions, ReplyComposer composer, DispatcherMetrics metrics) {
        this.router = router;
        this.decisions = decisions;
        this.composer = composer;
        this.metrics = metrics;
    }

    /**
     * Routes and records a task.
     *
     * <p>If the decision cannot be stored, the user still gets the answer; the reply then takes no feedback and the
     * failure is logged.
     */
    public Reply dispatch(Task task) {
        long start = System.nanoTime();
        RoutingDecision decision = router.route(task.text());
        String decisionId = null;
        try {
            decisionId = decisions.record(task, decision);
        } catch (StoreException e) {
            LOG.error("could not record decision for {} on {}: {}", task.requester(), task.origin().platform(), e.getMessage(), e);
        }
        Reply reply = composer.compose(decisionId, task.text(), decision);
        metrics.routed(task.origin().platform(), decision, java.time.Duration.ofNanos(System.nanoTime() - start));
        return reply;
    }

    /**
     * Composes the reply of a decision recorded earlier, routing the task again without recording it twice: for work
     * resumed after a crash, whose decision was stored before its answer was posted.
     */
    public Reply replay(String decisionId, Task task) {
        return composer.compose(decisionId, task.text(), router.route(task.text()));
    }

    /** Remembers which platform message carries a decision's reply, so reactions on it find the decision. */
    public void attach(String decisionId, ConversationRef replyMessage) {
        if (decisionId != null) {
            decisions.attach(decisionId, replyMessage);
        }
    }

    public Router router() {
        return router;
    }
}
