package dev.dispatcher.dispatch;

/**
 * A backend task someone asked the bot to route.
 *
 * @param text      what the user typed, verbatim (escaping happens where it is echoed)
 * @param requester platform user id of who asked
 * @param origin    where it was asked
 */
public record Task(String text, String requester, ConversationRef origin) {

    public Task {
        text = text == null ? "" : text;
        requester = requester == null || requester.isBlank() ? "unknown" : requester;
    }
}
