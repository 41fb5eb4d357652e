package dev.dispatcher.discord;

import dev.dispatcher.ops.AdminServer;
import dev.dispatcher.ops.DispatcherMetrics;
import java.util.Map;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * The yardstick of the Discord load run: a JDA bot that logs in as the real one does (the same light shard manager, the
 * same intents, the same REST and gateway overrides) and acknowledges each {@code /route} with a deferred reply, the
 * interaction callback, and nothing else: no core, no knowledge base, no database. {@code /readyz} on
 * {@code DISPATCHER_ADMIN_PORT} answers 200 once its shards are connected. Whatever the bot costs beyond this is the
 * dispatcher's own. Runs until killed.
 */
public final class NoOpDiscordBot {

    private NoOpDiscordBot() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        DiscordSettings settings = DiscordSettings.fromEnvironment(env);
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(settings.token(), DiscordBot.INTENTS)
                .addEventListeners(new ListenerAdapter() {
                    @Override
                    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                        event.deferReply(false).queue();
                    }
                })
                .setShardsTotal(-1)
                .setEnableShutdownHook(true);
        if (settings.apiUrl() != null) {
            builder.setRestConfig(new RestConfig().setBaseUrl(settings.apiUrl()));
        }
        if (settings.gatewayUrl() != null) {
            builder.setSessionController(new FixedGatewaySessionController(settings.gatewayUrl()));
        }
        ShardManager shards = builder.build();
        AdminServer.start(Integer.parseInt(env.getOrDefault("DISPATCHER_ADMIN_PORT", "0")),
                () -> DiscordBot.isReady(shards), new DispatcherMetrics());
    }
}
