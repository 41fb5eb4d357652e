package dev.dispatcher.conversation;

import dev.dispatcher.dispatch.ConversationRef;
import java.time.Duration;

/**
 * The output port every adapter implements: the few ways the bot speaks on a platform. The pipeline calls it from
 * worker threads and may block on it; each call returns once the platform answered (or retries ran out), with the
 * posted message's reference, so the step can be recorded on the job.
 *
 * <p>Content is rendered and escaped by the adapter; every message is sent with mentions switched off. Rate limits are
 * the adapter's to respect ({@code chat.postMessage} about one message a second per channel, {@code chat.update} about
 * 50 a minute; Discord about 5 edits per 5 s per channel): a streaming caller should {@link #edit} on a timer, not per
 * token. Implementations are thread-safe.
 */
public interface PlatformOutput {

    /** How long an event's callback (a Slack {@code response_url}, a Discord interaction token) can still answer. */
    Duration callbackLifetime();

    /**
     * Posts a top-level message answering {@code origin} in its channel: through the event's callback where the
     * platform needs one (a Discord interaction's deferred reply), otherwise as a plain channel message.
     */
    Posted post(InboundEvent origin, Content content);

    /**
     * Replies in the thread of {@code under}: the thread it is in, or a new thread started on it.
     *
     * @return the reference of the message that shows {@code content} (a misroute reaction on it finds its decision)
     */
    Posted reply(ConversationRef under, Content content);

    /** Replaces what a posted message shows; for answers that grow while they stream. */
    Posted edit(ConversationRef message, Content content);

    /** Asks a choice in the thread of {@code under}, e.g. who should have had a misrouted task. */
    Posted ask(ConversationRef under, Content.MisrouteQuestion question);

    /** Says something only the event's actor sees; never fails loudly (the failure is logged and counted). */
    void whisper(InboundEvent origin, Content content);

    /**
     * How many characters of an answer's text one message shows, leaving room for its title and links: longer answers
     * go on in further messages. Slack's section block holds 3,000 characters, a Discord message 2,000.
     */
    default int answerLimit() {
        return 2300;
    }

    /** How often a streaming answer's message is edited: about once a second suits Slack's {@code chat.update}. */
    default Duration editInterval() {
        return Duration.ofSeconds(1);
    }
}
