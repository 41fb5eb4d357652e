package dev.dispatcher.conversation;

import dev.dispatcher.dispatch.ConversationRef;
import java.time.Instant;

/**
 * A platform event in the core's terms, what an adapter translates every Slack or Discord event into.
 *
 * @param kind           what it asks for
 * @param id             the platform's id of this delivery (Slack {@code event_id} or trigger id, Discord interaction
 *                       or message snowflake); retries and replays carry the same id, so it is claimed once
 * @param conversation   where it happened: for {@code /route} the channel (and thread), for a mention or a shortcut the
 *                       message itself, for a reaction the message reacted to, for a choice the message with the menu
 * @param actor          who acted
 * @param text           the task text ({@code /route}, mention, shortcut), the chosen specialist id (a choice), or
 *                       {@code null}
 * @param callback       what lets the platform answer this event later: a Slack {@code response_url}, a Discord
 *                       interaction token; {@code null} when it has none. Stored with the job, never logged
 * @param decisionId     the decision a choice is about; {@code null} for other kinds
 * @param aboutBotMessage whether the message the event is about was written by a bot (a shortcut on a bot's message)
 * @param receivedAt     when the bot received it
 */
public record InboundEvent(EventKind kind, String id, ConversationRef conversation, Actor actor, String text,
                           String callback, String decisionId, boolean aboutBotMessage, Instant receivedAt) {

    public InboundEvent {
        if (kind == null || conversation == null || actor == null || receivedAt == null) {
            throw new IllegalArgumentException("an inbound event needs a kind, a conversation, an actor and a time");
        }
        text = text == null ? "" : text;
    }

    /** The key the event is claimed by, across retries, restarts and replicas: {@code slack:Ev0123}. */
    public String key() {
        return id == null || id.isBlank() ? null : conversation.platform() + ":" + id;
    }

    /** The platform this came from. */
    public String platform() {
        return conversation.platform();
    }

    /** The same event without its callback: for work finished after the callback expired. */
    public InboundEvent withoutCallback() {
        return new InboundEvent(kind, id, conversation, actor, text, null, decisionId, aboutBotMessage, receivedAt);
    }

    @Override
    public String toString() {
        return kind.logName() + " " + key();   // never the callback, which is a credential
    }
}
