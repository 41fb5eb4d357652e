package dev.dispatcher.conversation;

import dev.dispatcher.answer.AnswerLog;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.feedback.Feedback;
import dev.dispatcher.ops.DispatcherMetrics;
import dev.dispatcher.store.StoredDecision;
import java.util.Optional;

/**
 * The misroute loop on every platform: a flag asks who should have had the task (once per person), taking the
 * reaction back withdraws the flag, a choice is recorded and confirmed in the thread, or explained privately when the
 * core refuses it. 👍 and 👎 on a specialist's answer record whether it helped (one vote per person, withdrawn with the
 * reaction). Reactions on messages that carry no answer of the bot's are ignored. With the store down nothing can be
 * recorded, and the person is told so. Thread-safe.
 */
final class FeedbackFlow {

    static final String CANNOT_RECORD = "⚠️ I can't record that right now: my database is unreachable. Please try again"
            + " in a few minutes.";

    private final Feedback feedback;
    private final AnswerLog answers;
    private final JobSteps steps;
    private final PlatformOutput output;
    private final DispatcherMetrics metrics;

    FeedbackFlow(Feedback feedback, AnswerLog answers, JobSteps steps, PlatformOutput output, DispatcherMetrics metrics) {
        this.feedback = feedback;
        this.answers = answers;
        this.steps = steps;
        this.output = output;
        this.metrics = metrics;
    }

    Handled run(Job job) {
        if (!job.durable()) {
            // The store that keeps flags and corrections is down: say so plainly rather than fail without a word.
            output.whisper(job.event(), new Content.Text(CANNOT_RECORD));
            return Handled.NOTHING;
        }
        Handled handled = switch (job.event().kind()) {
            case MISROUTE_FLAG -> flag(job.event());
            case MISROUTE_UNFLAG -> unflag(job.event());
            case SPECIALIST_CHOICE -> choose(job.event());
            case ANSWER_VOTE -> vote(job.event());
            case ANSWER_UNVOTE -> unvote(job.event());
            default -> throw new IllegalArgumentException("not a feedback event: " + job.event());
        };
        steps.finish(job, JobStore.State.DONE);
        return handled;
    }

    private Handled flag(InboundEvent event) {
        String user = event.actor().userId();
        Optional<Feedback.Flag> flag = feedback.flag(event.conversation(), user);
        if (flag.isEmpty()) {
            return Handled.NOTHING;   // not one of the bot's answers
        }
        StoredDecision decision = flag.get().decision();
        if (flag.get().firstByUser()) {
            ConversationRef reacted = event.conversation();
            String thread = decision.replyThread() != null ? decision.replyThread() : reacted.thread();
            output.ask(new ConversationRef(reacted.platform(), reacted.channel(), thread, reacted.message()),
                    new Content.MisrouteQuestion(flag.get(), user));
        }
        return new Handled(decision.id(), decision.specialist());
    }

    private Handled vote(InboundEvent event) {
        boolean helpful = EventKind.HELPFUL.equals(event.text());
        return answers.vote(event.conversation(), event.actor().userId(), helpful).map(vote -> {
            metrics.answerVote(vote.answer().specialist(), vote.answer().template(), helpful, 1);
            if (vote.changed()) {
                metrics.answerVote(vote.answer().specialist(), vote.answer().template(), !helpful, -1);
            }
            return new Handled(vote.answer().decisionId(), vote.answer().specialist());
        }).orElse(Handled.NOTHING);
    }

    private Handled unvote(InboundEvent event) {
        boolean helpful = EventKind.HELPFUL.equals(event.text());
        return answers.withdraw(event.conversation(), event.actor().userId(), helpful).map(answer -> {
            metrics.answerVote(answer.specialist(), answer.template(), helpful, -1);
            return new Handled(answer.decisionId(), answer.specialist());
        }).orElse(Handled.NOTHING);
    }

    private Handled unflag(InboundEvent event) {
        return feedback.unflag(event.conversation(), event.actor().userId())
                .map(decision -> new Handled(decision.id(), decision.specialist()))
                .orElse(Handled.NOTHING);
    }

    private Handled choose(InboundEvent event) {
        String user = event.actor().userId();
        Feedback.Correction correction = feedback.correct(event.decisionId(), event.text(), user, event.actor().roleIds());
        if (!correction.recorded()) {
            output.whisper(event, new Content.Text("⚠️ " + correction.rejection()));
            return new Handled(event.decisionId(), null);
        }
        output.reply(event.conversation(), new Content.CorrectionConfirmation(correction, user));
        return new Handled(event.decisionId(), correction.to().id());
    }
}
