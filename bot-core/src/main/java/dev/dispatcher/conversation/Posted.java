package dev.dispatcher.conversation;

import dev.dispatcher.dispatch.ConversationRef;

/**
 * What became of a message the bot sent: the posted message's reference, or the platform's error code.
 *
 * @param message the posted message (channel, thread, message id), or {@code null} when it failed
 * @param error   the platform's error code, e.g. {@code not_in_channel}, or {@code null} when posted
 */
public record Posted(ConversationRef message, String error) {

    public static Posted ok(ConversationRef message) {
        return new Posted(message, null);
    }

    public static Posted failed(String error) {
        return new Posted(null, error == null ? "unknown_error" : error);
    }

    public boolean ok() {
        return error == null;
    }
}
