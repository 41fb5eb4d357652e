package dev.dispatcher.routing;

import java.util.List;
import java.util.Map;

/**
 * Earlier corrections as votes for a new task: similar corrected tasks vote for the specialist they were corrected to,
 * weighted by similarity and by how many people agreed.
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

    /** Memory with no corrections, for evaluation and for routers that should not learn. */
    static CorrectionMemory none() {
        return terms -> Map.of();
    }

    /** Version that changes whenever a correction is added or withdrawn, so caches know when to drop answers. */
    default long version() {
        return 0;
    }
}
