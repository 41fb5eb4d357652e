package dev.dispatcher.dispatch;

/**
 * Where a message lives on a platform, in platform-neutral terms.
 *
 * @param platform {@code slack}, {@code discord} or {@code shell}
 * @param channel  channel id (Slack {@code C…}, Discord channel snowflake, {@code local} in the shell)
 * @param thread   thread the message belongs to (Slack parent {@code ts}, Discord thread id), or {@code null}
 * @param message  the message itself (Slack {@code ts}, Discord message id, a counter in the shell)
 */
public record ConversationRef(String platform, String channel, String thread, String message) {

    public ConversationRef {
        if (platform == null || platform.isBlank() || channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("a conversation reference needs a platform and a channel");
        }
    }

    /** The stable key a stored decision is found by when someone reacts to this message. */
    public String messageKey() {
        return platform + ":" + channel + ":" + message;
    }
}
