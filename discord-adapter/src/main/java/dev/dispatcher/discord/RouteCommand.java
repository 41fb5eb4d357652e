package dev.dispatcher.discord;

import java.util.Locale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * The {@code /route task:<text>} command as registered with Discord, and what a task text asks for: routing, or the
 * words {@code help} and {@code stats}, which mentions understand too.
 */
final class RouteCommand {

    static final String NAME = "route";
    static final String TASK = "task";

    /** What a task text asks for. */
    enum Intent { ROUTE, HELP, STATS }

    private RouteCommand() {}

    /** The command definition: guild channels only, one required text option. */
    static SlashCommandData data() {
        return Commands.slash(NAME, "Route a backend task to the specialist who owns it")
                .addOption(OptionType.STRING, TASK,
                        "The task, e.g. Fix JWT token expiration (or: help, stats)", true)
                .setContexts(InteractionContextType.GUILD);
    }

    /** {@code help} (or nothing at all) asks for usage, {@code stats} for statistics; anything else is a task. */
    static Intent intentOf(String text) {
        String word = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (word) {
            case "", "help", "?" -> Intent.HELP;
            case "stats", "statistics" -> Intent.STATS;
            default -> Intent.ROUTE;
        };
    }
}
