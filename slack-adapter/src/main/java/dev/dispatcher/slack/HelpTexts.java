package dev.dispatcher.slack;

/** The bot's own words in Slack: usage, the invitation hint, and failures the user should know about. */
final class HelpTexts {

    private final String misrouteEmoji;

    HelpTexts(String misrouteEmoji) {
        this.misrouteEmoji = misrouteEmoji;
    }

    /** What {@code /route help} (or {@code /route} alone) and an empty mention answer. */
    String usage() {
        return """
                *Backend Task Dispatcher* routes a backend task to the specialist who owns it.
                • `/route Fix JWT token expiration`: route a task; the analysis, the knowledge-base link and the \
                specialist prompt appear in the thread of the bot's message.
                • `@dispatcher the entities endpoint returns 404`: the same, answered in the thread of your message.
                • React with :%s: on an analysis that went to the wrong specialist, then choose the right one: \
                the bot learns from it.
                • `/route stats`: routing statistics, shown only to you.
                • `/route help`: this message.""".formatted(misrouteEmoji);
    }

    /** The private hint when the bot may not post in the channel where {@code /route} was used. */
    static String invite(String botName) {
        return "I can't post in this channel because I'm not a member of it. Invite me with `/invite @" + SlackText.escape(botName)
                + "` (in a private channel too), then run `/route` again.";
    }

    /** The private note when the answer could not be posted for another reason. */
    static String postFailed(String error, String decisionId) {
        return "⚠️ I routed the task" + (decisionId == null ? "" : " (decision `" + decisionId + "`)")
                + " but Slack refused the answer: `" + SlackText.escape(error)
                + "`. Please try again in a moment.";
    }

    /** The private answer to a {@code /route} that arrived while every worker was busy: nothing was routed or kept. */
    static String busy(String task) {
        return "⏳ I'm busy with many requests right now and did not route this one. Please send it again in a minute:\n"
                + String.join("\n", SlackText.preformatted(task, 39_000));
    }

    /** The private note when routing itself failed. */
    static String routingFailed() {
        return "⚠️ Something went wrong while routing this task; it has been logged. Please try again in a moment.";
    }

    /** Routing statistics as a private, monospaced message. */
    static String stats(String statsText) {
        return String.join("\n", SlackText.preformatted(statsText, 39_000));
    }
}
