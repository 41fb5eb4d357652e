package dev.dispatcher.discord;

import dev.dispatcher.app.BotCore;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Activity;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires JDA to the core: the gateway intents the bot needs and no more, mentions switched off for every message, the
 * listeners, and sharding through a shard manager (one shard unless {@code DISCORD_SHARDS} says otherwise or Discord
 * recommends more).
 */
public final class DiscordBot {

    private static final Logger LOG = LoggerFactory.getLogger(DiscordBot.class);

    /**
     * {@code GUILD_MESSAGES} delivers the messages that mention the bot; {@code GUILD_MESSAGE_REACTIONS} the misroute
     * reactions. Not the privileged {@code MESSAGE_CONTENT}: Discord includes the content of messages that mention
     * the bot without it, and slash commands and menus need no intent at all.
     */
    public static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.GUILD_MESSAGE_REACTIONS);

    private DiscordBot() {}

    /**
     * Logs in and starts connecting the shards; returns once the first shard has logged in.
     *
     * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when Discord rejects the token
     */
    public static ShardManager start(DiscordSettings settings, BotCore core) {
        // Global default: no message this process sends can ping anyone, whatever its text.
        MessageRequest.setDefaultMentions(DiscordReplies.NO_MENTIONS);
        LOG.info("discord: gateway intents {} (and GUILDS, which JDA always adds for its guild and channel cache):"
                + " GUILD_MESSAGES for messages that mention the bot, GUILD_MESSAGE_REACTIONS for misroute reactions;"
                + " not the privileged MESSAGE_CONTENT, since Discord sends the content of messages that mention the bot"
                + " without it, and /route and menus need no intent", INTENTS);
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(settings.token(), INTENTS)
                .addEventListeners(listeners(settings, core).toArray())
                .setActivity(Activity.listening("/" + RouteCommand.NAME))
                .setEnableShutdownHook(false);
        if (settings.shards() == null) {
            builder.setShardsTotal(-1);
            LOG.info("discord: running Discord's recommended number of shards");
        } else {
            builder.setShardsTotal(settings.shards().total()).setShards(settings.shards().first(), settings.shards().last());
            LOG.info("discord: running shards {}", settings.shards());
        }
        if (settings.apiUrl() != null) {
            builder.setRestConfig(new RestConfig().setBaseUrl(settings.apiUrl()));
            LOG.info("discord: REST API at {}", settings.apiUrl());
        }
        if (settings.gatewayUrl() != null) {
            builder.setSessionController(new FixedGatewaySessionController(settings.gatewayUrl()));
            LOG.info("discord: gateway at {}", settings.gatewayUrl());
        }
        return builder.build();
    }

    /** Whether every shard this process runs has started and is connected: the answer of {@code /readyz}. */
    public static boolean isReady(ShardManager shards) {
        return shards.getShardsQueued() == 0 && !shards.getShards().isEmpty()
                && shards.getShards().stream().allMatch(shard -> shard.getStatus() == JDA.Status.CONNECTED);
    }

    /** Every listener the bot registers, sharing one renderer and one duplicate-event ledger. */
    static List<ListenerAdapter> listeners(DiscordSettings settings, BotCore core) {
        DiscordReplies replies = new DiscordReplies(settings.misrouteEmoji());
        ThreadedAnswers answers = new ThreadedAnswers(core.dispatcher(), replies);
        EventClaims claims = new EventClaims(core.events(), core.metrics());
        return List.of(
                new ReadyLog(),
                new CommandRegistrar(settings.guildId()),
                new RouteCommandListener(core, replies, answers, claims),
                new MentionListener(core, replies, answers, claims),
                new ReactionListener(core.feedback(), settings.misrouteEmoji()),
                new CorrectionMenuListener(core.feedback(), claims));
    }
}
