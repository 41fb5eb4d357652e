package dev.dispatcher.routing;

import java.util.List;
import java.util.Map;

/**
 * What a team's corrections taught the router: votes of near-identical corrected tasks (a correction decides its own
 * sentence), and the team's copy of the learned model (a correction leans its kind of request).
 */
public interface CorrectionMemory {

    /**
     * The votes of corrected tasks similar to this one.
     *
     * @param contentTerms the task's analysed terms, stop words removed
     * @return vote weight per specialist id (absent when none), each already scaled to 0..n agreeing corrections
     */
    Map<String, Vote> votes(List<String> contentTerms);

    /** A specialist's share of the votes: the weight and how many stored corrections contributed. */
    record Vote(double weight, int corrections) {}

    /** The team's model, moved by its corrections; {@code null} for the model as trained on the examples. */
    default LinearModel learned() {
        return null;
    }

    /** How many corrections the team's model has learned from. */
    default int learnedFrom() {
        return 0;
    }

    /** Memory with no corrections, for evaluation and for routers that should not learn. */
    static CorrectionMemory none() {
        return terms -> Map.of();
    }

    /** Version that changes whenever a correction is added or withdrawn, so caches know when to drop answers. */
    default long version() {
        return 0;
    }
}
