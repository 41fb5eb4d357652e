package dev.dispatcher.conversation;

import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.Dispatcher;
import dev.dispatcher.dispatch.RequestKind;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.ops.DispatcherMetrics;
import dev.dispatcher.reply.Reply;
import dev.dispatcher.store.StoreException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a task ({@code /route}, a mention, "Route this message") and answers it: for {@code /route} a root message
 * first, then the analysis in its thread; for a message, the analysis in that message's thread. Each step is recorded
 * on the job as it completes, so a resumed job posts only what is missing. Usage and statistics are answered
 * privately to {@code /route}, in the thread to a mention. Thread-safe.
 */
final class RoutingFlow {

    static final String NOT_RECORDED = "The bot's database is unreachable, so this answer was not recorded and takes no"
            + " misroute feedback.";
    static final String FROM_BOT = "I only route messages people wrote; that one is from a bot.";
    static final String NO_TEXT = "That message has no text to route (only a file?). Use /route with the task instead.";
    static final String ROUTING_FAILED = "⚠️ Something went wrong while routing this task; it has been logged. Please try"
            + " again in a moment.";

    private static final Logger LOG = LoggerFactory.getLogger(RoutingFlow.class);

    private final Dispatcher dispatcher;
    private final JobSteps steps;
    private final PlatformOutput output;
    private final Supplier<String> statistics;
    private final DispatcherMetrics metrics;
    private final AnswerFlow answers;

    /** @param answers the specialist's answer after the routing reply, or {@code null} for none */
    RoutingFlow(Dispatcher dispatcher, JobSteps steps, PlatformOutput output, Supplier<String> statistics,
                DispatcherMetrics metrics, AnswerFlow answers) {
        this.answers = answers;
        this.dispatcher = dispatcher;
        this.steps = steps;
        this.output = output;
        this.statistics = statistics;
        this.metrics = metrics;
    }

    Handled run(Job job) {
        InboundEvent event = job.event();
        if (event.kind() == EventKind.MESSAGE_SHORTCUT && (event.aboutBotMessage() || event.text().isBlank())) {
            output.whisper(event, new Content.Text(event.aboutBotMessage() ? FROM_BOT : NO_TEXT));
            steps.finish(job, JobStore.State.DONE);
            return Handled.NOTHING;
        }
        RequestKind request = event.kind() == EventKind.MESSAGE_SHORTCUT ? RequestKind.TASK : RequestKind.of(event.text());
        if (request != RequestKind.TASK) {
            Content content = request == RequestKind.HELP ? new Content.Usage() : new Content.Stats(statistics.get());
            if (event.kind() == EventKind.ROUTE) {
                output.whisper(event, content);
            } else {
                output.reply(event.conversation(), content);
            }
            steps.finish(job, JobStore.State.DONE);
            return Handled.NOTHING;
        }
        Reply reply;
        try {
            reply = reply(job);
        } catch (RuntimeException e) {
            metrics.error(event.platform(), "routing_failed");
            LOG.error("{} from {} in {} could not be routed: {}", event, event.actor().userId(), event.conversation().channel(),
                    e.getMessage(), e);
            output.whisper(event, new Content.Text(ROUTING_FAILED));
            steps.finish(job, JobStore.State.FAILED);
            return Handled.NOTHING;
        }
        answer(job, reply);
        return new Handled(reply.decisionId(), reply.specialist().id());
    }

    private Reply reply(Job job) {
        InboundEvent event = job.event();
        Task task = new Task(event.text(), event.actor().userId(), event.conversation());
        Reply reply = job.decisionId() != null ? dispatcher.replay(job.decisionId(), task) : dispatcher.dispatch(task);
        return job.durable() ? reply : reply.withNote(NOT_RECORDED);
    }

    private void answer(Job started, Reply reply) {
        Job job = started;
        InboundEvent event = job.event();
        ConversationRef threadOn = event.conversation();
        if (event.kind() == EventKind.ROUTE) {
            if (job.root() == null) {
                Posted root = output.post(event, new Content.Announcement(reply, event.actor().userId()));
                if (!root.ok()) {
                    refused(job, reply, root);
                    return;
                }
                Job posted = job.withRoot(reply.decisionId(), root.message());
                // Attached at once, as the head of the thread the answer goes into: a reaction on it finds the
                // decision even before the answer is posted, and a misroute question is asked in that thread.
                steps.together(posted, () -> {
                    steps.rootPosted(posted);
                    attach(reply, headOfThread(posted.root()));
                });
                job = posted;
            } else {
                attach(reply, headOfThread(job.root()));
            }
            threadOn = job.root();
        }
        boolean specialistAnswers = answers != null && answers.wanted(event) && reply.decisionId() != null;
        if (job.answer() == null) {
            Posted answer = output.reply(threadOn, new Content.Analysis(reply, event.kind() == EventKind.ROUTE));
            if (!answer.ok()) {
                refused(job, reply, answer);
                return;
            }
            Job answered = job.withAnswer(reply.decisionId(), answer.message());
            steps.together(answered, () -> {
                if (specialistAnswers) {
                    steps.analysed(answered);
                } else {
                    steps.answered(answered);
                }
                attach(reply, answer.message());
            });
            job = answered;
            if (event.kind() == EventKind.MESSAGE_SHORTCUT) {
                // Whoever used the shortcut hears where the answer went (on Discord this replaces the "thinking…").
                output.whisper(event, new Content.Text(pointer(reply)));
            }
        } else if (!specialistAnswers) {
            steps.finish(job, JobStore.State.DONE);
        }
        if (specialistAnswers) {
            // In the thread the analysis went into (on Discord a thread is a channel of its own), else under the same
            // message the analysis answered.
            answers.start(job, reply, job.answer().thread() != null ? job.answer() : threadOn);
        }
    }

    /** What the person who used "Route this message" is told once the answer is in the message's thread. */
    static String pointer(Reply reply) {
        return "🎯 Routed to " + reply.specialist().label() + ": the analysis and the specialist prompt are in the"
                + " message's thread.";
    }

    /** A top-level message as the head of the thread under it (the thread a platform such as Slack names by it). */
    private static ConversationRef headOfThread(ConversationRef root) {
        return new ConversationRef(root.platform(), root.channel(), root.thread() != null ? root.thread() : root.message(),
                root.message());
    }

    private void refused(Job job, Reply reply, Posted failure) {
        output.whisper(job.event(), new Content.PostFailed(failure.error(), reply.decisionId()));
        steps.finish(job, JobStore.State.FAILED);
        metrics.jobFailed(job.event().platform());
    }

    private void attach(Reply reply, ConversationRef message) {
        try {
            dispatcher.attach(reply.decisionId(), message);
        } catch (StoreException e) {
            LOG.error("decision {}: message {} not attached, so reactions on it will be ignored: {}", reply.decisionId(),
                    message.messageKey(), e.getMessage(), e);
        }
    }
}
