package dev.dispatcher.feedback;

import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.ops.DispatcherMetrics;
import dev.dispatcher.routing.Specialist;
import dev.dispatcher.routing.SpecialistCatalog;
import dev.dispatcher.store.DecisionLog;
import dev.dispatcher.store.FeedbackStore;
import dev.dispatcher.store.StoredDecision;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The misroute loop every front end shares: a flag on a reply asks who should have had the task, the answer is
 * recorded as a correction, and the router learns from it. Thread-safe.
 */
public final class Feedback {

    private final DecisionLog decisions;
    private final FeedbackStore store;
    private final Supplier<SpecialistCatalog> catalog;
    private final Lessons lessons;
    private final DispatcherMetrics metrics;
    private final Teachers teachers;

    /** Feedback whose figures are kept in a private registry, for tools and tests that export no metrics. */
    public Feedback(DecisionLog decisions, FeedbackStore store, SpecialistCatalog catalog, Runnable onCorrectionsChanged) {
        this(decisions, store, catalog, onCorrectionsChanged, new DispatcherMetrics());
    }

    /**
     * @param onCorrectionsChanged called after a correction is added or withdrawn, so learning can refresh
     */
    public Feedback(DecisionLog decisions, FeedbackStore store, SpecialistCatalog catalog, Runnable onCorrectionsChanged,
                    DispatcherMetrics metrics) {
        this(decisions, store, () -> catalog, onCorrectionsChanged, metrics);
    }

    /**
     * Feedback that offers and accepts the specialists of the current knowledge-base version.
     *
     * @param catalog              the current specialists, asked at each flag and correction (a reload swaps them)
     * @param onCorrectionsChanged called after a correction is added or withdrawn, so learning can refresh
     */
    public Feedback(DecisionLog decisions, FeedbackStore store, Supplier<SpecialistCatalog> catalog, Runnable onCorrectionsChanged,
                    DispatcherMetrics metrics) {
        this(decisions, store, catalog, Lessons.relearning(onCorrectionsChanged), metrics, Teachers.everyone());
    }

    /**
     * Feedback for the bots: corrections teach through {@code lessons} when their author may teach.
     *
     * @param catalog  the current specialists, asked at each flag and correction (a reload swaps them)
     * @param lessons  told after corrections change, so learning follows
     * @param teachers who may teach; others' corrections wait for confirmation
     */
    public Feedback(DecisionLog decisions, FeedbackStore store, Supplier<SpecialistCatalog> catalog, Lessons lessons,
                    DispatcherMetrics metrics, Teachers teachers) {
        this.decisions = decisions;
        this.store = store;
        this.catalog = catalog;
        this.lessons = lessons;
        this.metrics = metrics;
        this.teachers = teachers;
    }

    /**
     * A user flagged a message as misrouted.
     *
     * @param replyMessage the message the reaction is on
     * @param user         who reacted
     * @return the flag, or empty when the message carries no routing reply of ours (then nothing is stored)
     */
    public Optional<Flag> flag(ConversationRef replyMessage, String user) {
        return decisions.findByReply(replyMessage).map(decision -> {
            boolean first = store.addFlag(decision.id(), user);
            if (first) {
                metrics.flagged();
            }
            return new Flag(decision, first, store.flagCount(decision.id()), choicesFor(decision));
        });
    }

    /** A user took a misroute reaction back: the flag and that user's correction are withdrawn. */
    public Optional<StoredDecision> unflag(ConversationRef replyMessage, String user) {
        Optional<StoredDecision> decision = decisions.findByReply(replyMessage);
        decision.ifPresent(d -> {
            if (store.removeFlag(d.id(), user)) {
                lessons.relearn();
            }
        });
        return decision;
    }

    /** Records who should have had a task, by a user the platform named no roles for. */
    public Correction correct(String decisionId, String specialist, String user) {
        return correct(decisionId, specialist, user, List.of());
    }

    /**
     * Records who should have had a task.
     *
     * @param decisionId the decision being corrected
     * @param specialist the specialist id the user chose (surrounding spaces and case are forgiven)
     * @param user       who chose
     * @param roles      the user's roles or groups, as the platform told them (for who may teach)
     * @return the outcome; an unknown decision or specialist is reported, never stored
     */
    public Correction correct(String decisionId, String specialist, String user, java.util.Collection<String> roles) {
        Optional<StoredDecision> found = decisions.find(decisionId);
        if (found.isEmpty()) {
            return Correction.rejected("There is no routing decision " + decisionId + ".");
        }
        StoredDecision decision = found.get();
        Optional<Specialist> chosen = catalog.get().find(specialist == null ? null : specialist.toLowerCase(java.util.Locale.ROOT));
        if (chosen.isEmpty()) {
            return Correction.rejected("Unknown specialist '" + specialist + "'. Choose one of: "
                    + String.join(", ", choicesFor(decision).stream().map(Specialist::id).toList()) + ".");
        }
        if (chosen.get().id().equals(decision.specialist())) {
            return Correction.rejected("The task was already routed to " + decision.specialist()
                    + "; remove your reaction if the route was right.");
        }
        boolean teaches = teachers.mayTeach(user, roles);
        store.addFlag(decision.id(), user);
        store.putCorrection(decision.id(), user, chosen.get().id(), teaches);
        if (teaches) {
            lessons.corrected(decision.id());
        }
        metrics.corrected();
        return new Correction(decision, chosen.get(), store.agreeing(decision.id(), chosen.get().id()), null, !teaches);
    }

    /**
     * Lets the corrections of a decision that wait for someone allowed to teach move routing, as
     * {@code ./dispatcher confirm} does.
     *
     * @return how many corrections were confirmed; 0 when none waited (or there is no such decision)
     */
    public int confirm(String decisionId) {
        int confirmed = store.confirm(decisionId);
        if (confirmed > 0) {
            lessons.relearn();
        }
        return confirmed;
    }

    /**
     * Changes one person's correction of a decision to another specialist, as a team lead reviewing it would: the
     * changed correction teaches at once, whoever made it first.
     *
     * @param user the author of the correction to change
     * @return the outcome; an unknown decision, correction or specialist, or the specialist it was routed to, is
     *         reported and nothing changes
     */
    public Correction change(String decisionId, String user, String specialist) {
        Optional<StoredDecision> found = decisions.find(decisionId);
        if (found.isEmpty()) {
            return Correction.rejected("There is no routing decision " + decisionId + ".");
        }
        StoredDecision decision = found.get();
        if (store.corrections(decisionId).stream().noneMatch(row -> row.user().equals(user))) {
            return Correction.rejected("Decision " + decisionId + " has no correction by " + user + ".");
        }
        Optional<Specialist> chosen = catalog.get().find(specialist == null ? null : specialist.toLowerCase(java.util.Locale.ROOT));
        if (chosen.isEmpty() || chosen.get().id().equals(decision.specialist())) {
            return Correction.rejected("Choose one of: "
                    + String.join(", ", choicesFor(decision).stream().map(Specialist::id).toList()) + ".");
        }
        store.putCorrection(decisionId, user, chosen.get().id(), true);
        lessons.relearn();
        return new Correction(decision, chosen.get(), store.agreeing(decisionId, chosen.get().id()), null, false);
    }

    /** Removes every correction and flag of a decision, as {@code ./dispatcher forget} does. */
    public boolean forget(String decisionId) {
        if (decisions.find(decisionId).isEmpty()) {
            return false;
        }
        store.forget(decisionId);
        lessons.relearn();
        return true;
    }

    /** The specialists a misrouted task could have gone to instead: all but the one it went to, in priority order. */
    public List<Specialist> choicesFor(StoredDecision decision) {
        return catalog.get().specialists().stream().filter(s -> !s.id().equals(decision.specialist())).toList();
    }

    /**
     * A recorded flag.
     *
     * @param decision  the flagged decision
     * @param firstByUser whether this is the user's first flag on it (a repeat is not counted twice)
     * @param flagCount how many users have flagged it
     * @param choices   who to offer as the right specialist
     */
    public record Flag(StoredDecision decision, boolean firstByUser, int flagCount, List<Specialist> choices) {}

    /**
     * The outcome of a correction.
     *
     * @param decision  the corrected decision, or {@code null} when rejected
     * @param to        the specialist it should have gone to, or {@code null} when rejected
     * @param agreeing  how many users have corrected it to that specialist
     * @param rejection why it was not recorded, or {@code null} when it was
     * @param awaitingReview whether it was recorded but teaches only once someone allowed to teach confirms it
     */
    public record Correction(StoredDecision decision, Specialist to, int agreeing, String rejection, boolean awaitingReview) {

        static Correction rejected(String why) {
            return new Correction(null, null, 0, why, false);
        }

        public boolean recorded() {
            return rejection == null;
        }
    }
}
