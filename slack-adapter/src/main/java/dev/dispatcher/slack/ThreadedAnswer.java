package dev.dispatcher.slack;

import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.Dispatcher;
import dev.dispatcher.reply.Reply;
import dev.dispatcher.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a routing answer into a thread and ties the decision to that message, so a misroute reaction on it finds the
 * decision again. Shared by {@code /route} and mentions. Thread-safe.
 */
final class ThreadedAnswer {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadedAnswer.class);

    private final Dispatcher dispatcher;
    private final SlackReplies replies;
    private final SlackPoster poster;

    ThreadedAnswer(Dispatcher dispatcher, SlackReplies replies, SlackPoster poster) {
        this.dispatcher = dispatcher;
        this.replies = replies;
        this.poster = poster;
    }

    /** Posts {@code reply} in the thread of {@code threadTs} and attaches its decision to the posted message. */
    SlackPoster.Posted post(Reply reply, String channel, String threadTs) {
        SlackPoster.Posted posted = poster.post(channel, threadTs, replies.analysis(reply), reply.decisionId());
        if (posted.ok()) {
            try {
                dispatcher.attach(reply.decisionId(), new ConversationRef("slack", channel, threadTs, posted.ts()));
            } catch (StoreException e) {
                LOG.error("decision {}: answer posted as {} but not attached, so reactions on it will be ignored: {}",
                        reply.decisionId(), posted.ts(), e.getMessage(), e);
            }
        }
        return posted;
    }
}
