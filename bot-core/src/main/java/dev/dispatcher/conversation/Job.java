package dev.dispatcher.conversation;

import dev.dispatcher.dispatch.ConversationRef;

/**
 * An event on its way through the pipeline, with the steps already completed: a resumed job continues after the last
 * one. Immutable; each step returns the job with that step recorded.
 *
 * @param event      the event
 * @param durable    whether it is stored (the store may have been down: then it lives only in memory)
 * @param attempts   how many times a worker has started it, this time included
 * @param decisionId the decision routed for it, or {@code null} before routing
 * @param root       the top-level message posted for it (a {@code /route} announcement), or {@code null}
 * @param answer     the message that shows its routing answer (the analysis), or {@code null}
 * @param spoken     the message that shows the specialist's answer under it, or {@code null} before it is posted
 */
public record Job(InboundEvent event, boolean durable, int attempts, String decisionId, ConversationRef root,
                  ConversationRef answer, ConversationRef spoken) {

    /** A job that has not started yet. */
    public static Job fresh(InboundEvent event, boolean durable) {
        return new Job(event, durable, 1, null, null, null, null);
    }

    Job withRoot(String decision, ConversationRef posted) {
        return new Job(event, durable, attempts, decision, posted, answer, spoken);
    }

    Job withAnswer(String decision, ConversationRef posted) {
        return new Job(event, durable, attempts, decision, root, posted, spoken);
    }

    Job withSpoken(ConversationRef posted) {
        return new Job(event, durable, attempts, decisionId, root, answer, posted);
    }

    Job withEvent(InboundEvent changed) {
        return new Job(changed, durable, attempts, decisionId, root, answer, spoken);
    }
}
