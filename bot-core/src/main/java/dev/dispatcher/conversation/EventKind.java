package dev.dispatcher.conversation;

/** What a platform event asks of the bot; each kind runs one flow of the pipeline. */
public enum EventKind {
    /** {@code /route <task>}: the bot posts a root message and answers in its thread. */
    ROUTE("slash_command"),
    /** {@code @dispatcher <task>}: answered in the thread of the mention. */
    MENTION("mention"),
    /** "Route this message" on someone's message: its text is routed and answered in its thread. */
    MESSAGE_SHORTCUT("shortcut"),
    /** The misroute emoji added to one of the bot's answers. */
    MISROUTE_FLAG("flag"),
    /** The misroute emoji taken back. */
    MISROUTE_UNFLAG("unflag"),
    /** A specialist chosen in the "who should have had it?" menu. */
    SPECIALIST_CHOICE("correction"),
    /** 👍 or 👎 added to a specialist's answer; the text is {@link #HELPFUL} or {@link #UNHELPFUL}. */
    ANSWER_VOTE("vote"),
    /** 👍 or 👎 taken back; the text says which. */
    ANSWER_UNVOTE("unvote");

    /** The text of a vote event for 👍. */
    public static final String HELPFUL = "helpful";
    /** The text of a vote event for 👎. */
    public static final String UNHELPFUL = "unhelpful";

    private final String logName;

    EventKind(String logName) {
        this.logName = logName;
    }

    /** The name in the handled-event log line and in metrics, e.g. {@code slash_command}. */
    public String logName() {
        return logName;
    }

    /** Whether the event asks for a task to be routed (rather than feedback on an earlier answer). */
    public boolean routes() {
        return this == ROUTE || this == MENTION || this == MESSAGE_SHORTCUT;
    }
}
