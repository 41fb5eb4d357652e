package dev.dispatcher.web;

import java.time.Instant;
import java.util.List;

/**
 * A flagged decision as the page lists it. Every text here may come from a user and is escaped where shown.
 *
 * @param id          the decision id ({@code ./dispatcher forget ID})
 * @param routedAt    when it was routed
 * @param platform    where it was asked
 * @param channel     the channel it was asked in
 * @param requester   who asked
 * @param task        the task as stored
 * @param routedTo    the specialist it was routed to
 * @param fallback    the fallback kind, or {@code null}
 * @param evidence    the evidence the router used, in one line, or {@code null} for decisions older than that record
 * @param link        the reply's address on its platform, or {@code null} when the platform gives none
 * @param lastFlagged when it was last flagged
 * @param flaggedBy   who flagged it
 * @param corrections who said it should have gone where
 */
public record FlaggedDecision(String id, Instant routedAt, String platform, String channel, String requester, String task,
                              String routedTo, String fallback, String evidence, String link, Instant lastFlagged,
                              List<String> flaggedBy, List<CorrectionVote> corrections) {

    /**
     * One person's correction.
     *
     * @param user     who made it
     * @param to       the specialist they chose
     * @param teaches  whether it moves routing (its author may teach, or it was confirmed); otherwise it awaits review
     */
    public record CorrectionVote(String user, String to, boolean teaches) {}

    /** Whether any of its corrections waits for review. */
    public boolean awaitsReview() {
        return corrections.stream().anyMatch(c -> !c.teaches());
    }
}
