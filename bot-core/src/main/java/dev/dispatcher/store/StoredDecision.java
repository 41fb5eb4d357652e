package dev.dispatcher.store;

import java.time.Instant;

/**
 * A routing decision as kept in the database.
 *
 * @param id         short id users quote ({@code ./dispatcher forget ID})
 * @param createdAt  when it was routed
 * @param platform   where it was asked
 * @param channel    channel it was asked in
 * @param requester  who asked
 * @param taskText   the task, verbatim
 * @param specialist who it was routed to
 * @param confidence the router's confidence
 * @param fallback   fallback kind, or {@code null}
 * @param replyKey   {@link dev.dispatcher.dispatch.ConversationRef#messageKey()} of the message carrying the reply,
 *                   or {@code null} before it is attached
 * @param replyThread thread the reply sits in (the thread to post follow-ups in), or {@code null}
 * @param source     whether a person asked in a chat or the command line did
 * @param taskLength the task's full length in characters; {@code taskText} holds at most the part that was routed
 */
public record StoredDecision(
        String id,
        Instant createdAt,
        String platform,
        String channel,
        String requester,
        String taskText,
        String specialist,
        double confidence,
        String fallback,
        String replyKey,
        String replyThread,
        DecisionSource source,
        int taskLength) {}
