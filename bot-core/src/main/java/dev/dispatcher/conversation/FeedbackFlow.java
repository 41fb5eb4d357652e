package dev.dispatcher.conversation;

import dev.dispatcher.answer.AnswerLog;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.feedback.Feedback;
import dev.dispatcher.feedback.Teachers;
import dev.dispatcher.ops.DispatcherMetrics;
import dev.dispatcher.store.StoredDecision;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The misroute loop on every platform: a flag asks who should have had the task (once per person), taking the
 * reaction back withdraws the flag, a choice is recorded and confirmed in the thread, or explained privately when the
 * core refuses it. 👍 and 👎 on a specialist's answer record whether it helped (one vote per person, withdrawn with the
 * reaction). Reactions on messages that carry no answer of the bot's are ignored. With the store down nothing can be
 * recorded, and the person is told so. Whether a choice teaches depends on who chose: the groups they belong to are
 * asked of {@link Memberships} only when not everyone may teach and neither they nor the roles their event carried are
 * named. Thread-safe.
 */
final class FeedbackFlow {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackFlow.class);

    static final String CANNOT_RECORD = "⚠️ I can't record that right now: my database is unreachable. Please try again"
            + " in a few minutes.";

    private final Feedback feedback;
    private final AnswerLog answers;
    private final JobSteps steps;
    private final PlatformOutput output;
    private final DispatcherMetrics metrics;
    private final Teachers teachers;
    private final Memberships memberships;

    FeedbackFlow(Feedback feedback, AnswerLog answers, JobSteps steps, PlatformOutput output, DispatcherMetrics metrics,
                 Teachers teachers, Memberships memberships) {
        this.feedback = feedback;
        this.answers = answers;
        this.steps = steps;
        this.output = output;
        this.metrics = metrics;
        this.teachers = teachers;
        this.memberships = memberships;
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
        Feedback.Correction correction = feedback.correct(event.decisionId(), event.text(), user, groupsOf(event));
        if (!correction.recorded()) {
            output.whisper(event, new Content.Text("⚠️ " + correction.rejection()));
            return new Handled(event.decisionId(), null);
        }
        output.reply(event.conversation(), new Content.CorrectionConfirmation(correction, user));
        return new Handled(event.decisionId(), correction.to().id());
    }

    /** The roles the event carried, and the groups the platform names when only they could let this person teach. */
    private List<String> groupsOf(InboundEvent event) {
        Actor actor = event.actor();
        if (teachers.mayTeach(actor.userId(), actor.roleIds())) {
            return actor.roleIds();
        }
        try {
            return memberships.groupsOf(actor);
        } catch (RuntimeException e) {
            // The correction is worth more than the answer: record it, awaiting review.
            LOG.warn("decision {}: could not learn the groups of {}, so the choice awaits review: {}", event.decisionId(),
                    actor.userId(), e.getMessage());
            return actor.roleIds();
        }
    }
}
