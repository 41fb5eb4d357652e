package dev.dispatcher.feedback;

import java.util.Comparator;
import java.util.Map;

/**
 * Which specialist the corrections of one decision settle on: the one most users chose, ties going to the id first in
 * alphabetical order, so learning, statistics, suggestions and export always agree.
 */
public final class Majority {

    private static final Comparator<Map.Entry<String, Integer>> MOST_VOTES_THEN_FIRST_ID =
            Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()));

    private Majority() {}

    /** The winning entry of a non-empty map of specialist id to votes. */
    public static Map.Entry<String, Integer> of(Map<String, Integer> votes) {
        return votes.entrySet().stream().max(MOST_VOTES_THEN_FIRST_ID)
                .orElseThrow(() -> new IllegalArgumentException("no votes"));
    }
}
