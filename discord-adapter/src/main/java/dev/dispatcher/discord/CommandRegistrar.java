package dev.dispatcher.discord;

import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers {@code /route} and "Route this message" once per process, as soon as a shard is ready: on {@code DISCORD_GUILD_ID}'s guild when set
 * (the command appears at once there, handy while developing), otherwise globally (it can take a while to appear).
 * {@code updateCommands()} replaces the whole list, so registering again changes nothing.
 */
final class CommandRegistrar extends ListenerAdapter {

    private static final Logger STARTUP = LoggerFactory.getLogger("dispatcher.startup");

    private final String guildId;
    private final DiscordCalls calls;
    private final AtomicBoolean registered = new AtomicBoolean();

    /** @param guildId the guild to register on, or {@code null} for a global command */
    CommandRegistrar(String guildId, DiscordCalls calls) {
        this.guildId = guildId;
        this.calls = calls;
    }

    @Override
    public void onReady(ReadyEvent event) {
        if (guildId == null && registered.compareAndSet(false, true)) {
            calls.queue("updateCommands", event.getJDA().updateCommands().addCommands(RouteCommand.all()),
                    commands -> STARTUP.info("discord: registered /{} globally (it may take up to an hour to appear everywhere)",
                            RouteCommand.NAME),
                    failure -> {
                        registered.set(false);
                        DiscordFailures.log("register /" + RouteCommand.NAME + " globally", null, failure);
                    });
        }
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        if (event.getGuild().getId().equals(guildId) && registered.compareAndSet(false, true)) {
            calls.queue("updateCommands", event.getGuild().updateCommands().addCommands(RouteCommand.all()),
                    commands -> STARTUP.info("discord: registered /{} on guild {}", RouteCommand.NAME, guildId),
                    failure -> {
                        registered.set(false);
                        DiscordFailures.log("register /" + RouteCommand.NAME + " on guild " + guildId
                                + " (was the bot invited with the applications.commands scope?)", null, failure);
                    });
        }
    }
}
