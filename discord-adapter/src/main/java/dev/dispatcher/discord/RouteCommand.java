package dev.dispatcher.discord;

import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import java.util.List;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * The {@code /route task:<text>} command as registered with Discord; what the text asks for is
 * {@link dev.dispatcher.dispatch.RequestKind}'s to say, as on every platform.
 */
final class RouteCommand {

    static final String NAME = "route";
    static final String TASK = "task";

    /** The message context-menu command that routes the message it is used on. */
    static final String ROUTE_THIS_MESSAGE = "Route this message";

    private RouteCommand() {}

    /** The command definition: guild channels only, one required text option. */
    static SlashCommandData data() {
        return Commands.slash(NAME, "Route a backend task to the specialist who owns it")
                .addOption(OptionType.STRING, TASK,
                        "The task, e.g. Fix JWT token expiration (or: help, stats)", true)
                .setContexts(InteractionContextType.GUILD);
    }

    /** Every command the bot registers: {@code /route} and the {@value #ROUTE_THIS_MESSAGE} message command. */
    static List<CommandData> all() {
        return List.of(data(), Commands.message(ROUTE_THIS_MESSAGE).setContexts(InteractionContextType.GUILD));
    }
}
