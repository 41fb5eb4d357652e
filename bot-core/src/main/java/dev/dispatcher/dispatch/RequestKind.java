package dev.dispatcher.dispatch;

import java.util.Locale;

/**
 * What a message to the bot asks for, the same on every platform: usage ({@code help}, {@code ?}, or nothing visible:
 * see {@link TaskText#isBlank}),
 * statistics ({@code stats}), or a task to route (anything else).
 */
public enum RequestKind {
    HELP,
    STATS,
    TASK;

    /** Classifies the text after the command or the bot's mention. */
    public static RequestKind of(String text) {
        if (TaskText.isBlank(text)) {
            return HELP;
        }
        String word = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (word) {
            case "", "help", "?", "usage" -> HELP;
            case "stats", "statistics" -> STATS;
            default -> TASK;
        };
    }
}
