package dev.dispatcher.store;

import dev.dispatcher.dispatch.ConversationRef;
import java.util.Locale;

/**
 * Where a decision came from: a person asking in a chat (Slack, Discord, the shell), or the command line
 * ({@code ./dispatcher route}, scripts). Statistics count chat traffic unless asked for all, and an export never
 * takes an unconfirmed command-line decision as a labelled example.
 */
public enum DecisionSource {
    CHAT,
    COMMAND_LINE;

    /** The platform name the command line's tasks carry in their {@link ConversationRef}. */
    public static final String COMMAND_LINE_PLATFORM = "cli";

    /** The source of a task asked at this place. */
    public static DecisionSource of(ConversationRef origin) {
        return COMMAND_LINE_PLATFORM.equals(origin.platform()) ? COMMAND_LINE : CHAT;
    }

    /** The value in the {@code decisions.source} column. */
    public String column() {
        return this == CHAT ? "chat" : COMMAND_LINE_PLATFORM;
    }

    /** The source a {@code decisions.source} value names. */
    public static DecisionSource fromColumn(String value) {
        return value != null && value.toLowerCase(Locale.ROOT).equals(COMMAND_LINE_PLATFORM) ? COMMAND_LINE : CHAT;
    }
}
