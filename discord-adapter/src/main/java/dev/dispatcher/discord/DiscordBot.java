package dev.dispatcher.discord;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.conversation.Pipeline;
import dev.dispatcher.conversation.PipelineSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Activity;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.requests.SequentialRestRateLimiter;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires JDA to the core: the gateway intents the bot needs and no more, mentions switched off for every message, the
 * listeners behind a {@link GatedEventManager door} that closes at shutdown, a rate limiter that reports 429 waits,
 * and sharding through a shard manager (one shard unless {@code DISCORD_SHARDS} says otherwise or Discord recommends
 * more).
 */
public final class DiscordBot {

    /** What the process says once as it starts; INFO even when the root logger is at WARN. */
    private static final Logger STARTUP = LoggerFactory.getLogger("dispatcher.startup");

    /**
     * {@code GUILD_MESSAGES} delivers the messages that mention the bot; {@code GUILD_MESSAGE_REACTIONS} the misroute
     * reactions. Not the privileged {@code MESSAGE_CONTENT}: Discord includes the content of messages that mention
     * the bot without it, and slash commands and menus need no intent at all.
     */
    /** Acknowledged events that may wait for a worker; beyond it a person is told the bot is busy. */
    static final int QUEUE_LIMIT = 1000;

    public static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.GUILD_MESSAGE_REACTIONS);

    private final ShardManager shards;
    private final Pipeline pipeline;

    DiscordBot(ShardManager shards, Pipeline pipeline) {
        this.shards = shards;
        this.pipeline = pipeline;
    }

    /**
     * Logs in and starts connecting the shards; returns once the first shard has logged in. Work left behind by a
     * crash is resumed once a shard is ready.
     *
     * @param work counts the events and requests in flight, and closes the door on new events at shutdown
     * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when Discord rejects the token
     */
    static DiscordBot start(DiscordSettings settings, BotCore core, InFlightWork work) {
        // Global default: no message this process sends can ping anyone, whatever its text.
        MessageRequest.setDefaultMentions(DiscordReplies.NO_MENTIONS);
        STARTUP.info("discord: gateway intents {} (and GUILDS, which JDA always adds for its guild and channel cache):"
                + " GUILD_MESSAGES for messages that mention the bot, GUILD_MESSAGE_REACTIONS for misroute reactions;"
                + " not the privileged MESSAGE_CONTENT, since Discord sends the content of messages that mention the bot"
                + " without it, and /route and menus need no intent", INTENTS);
        DiscordCalls calls = new DiscordCalls(core.metrics(), work);
        AtomicReference<ShardManager> shards = new AtomicReference<>();
        Pipeline pipeline = pipeline(settings, core, new DiscordOutput(DiscordChannels.of(shards::get),
                new DiscordReplies(settings.misrouteEmoji()), calls));
        List<ListenerAdapter> listeners = new ArrayList<>(listeners(settings, new DiscordIntake(pipeline, calls, core.clock()), calls));
        listeners.add(new ResumeWhenReady(pipeline));
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(settings.token(), INTENTS)
                .setEventManagerProvider(shard -> new GatedEventManager(work, new RestartNotice(calls)))
                .addEventListeners(listeners.toArray())
                .setRestConfig(restConfig(settings, core))
                .setActivity(Activity.listening("/" + RouteCommand.NAME))
                .setEnableShutdownHook(false);
        if (settings.shards() == null) {
            builder.setShardsTotal(-1);
            STARTUP.info("discord: running Discord's recommended number of shards");
        } else {
            builder.setShardsTotal(settings.shards().total()).setShards(settings.shards().first(), settings.shards().last());
            STARTUP.info("discord: running shards {}", settings.shards());
        }
        if (settings.gatewayUrl() != null) {
            builder.setSessionController(new FixedGatewaySessionController(settings.gatewayUrl()));
            STARTUP.info("discord: gateway at {}", settings.gatewayUrl());
        }
        try {
            shards.set(builder.build());
        } catch (RuntimeException e) {
            pipeline.drain(Duration.ZERO);
            throw e;
        }
        return new DiscordBot(shards.get(), pipeline);
    }

    /** The pipeline of a Discord process: its workers, queue and job lease. */
    static Pipeline pipeline(DiscordSettings settings, BotCore core, DiscordOutput output) {
        return Pipeline.create(core, output, new PipelineSettings(settings.workers(), QUEUE_LIMIT, core.settings().jobLease(),
                PipelineSettings.DEFAULT_MAX_AGE, "discord-work"));
    }

    /** What {@code /readyz} answers: every shard connected, and a worker or queue place free. */
    boolean ready() {
        return isReady(shards) && !pipeline.full();
    }

    /** The shards this process runs. */
    ShardManager shards() {
        return shards;
    }

    /** Where the listeners' events go. */
    Pipeline pipeline() {
        return pipeline;
    }

    /** JDA's REST settings, with its rate limiter watched for 429s and the API URL overridden when configured. */
    private static RestConfig restConfig(DiscordSettings settings, BotCore core) {
        RestConfig rest = new RestConfig().setRateLimiterFactory(
                config -> new RateLimitWatch(new SequentialRestRateLimiter(config), core.metrics()));
        if (settings.apiUrl() != null) {
            rest.setBaseUrl(settings.apiUrl());
            STARTUP.info("discord: REST API at {}", settings.apiUrl());
        }
        return rest;
    }

    /** Whether every shard this process runs has started and is connected: the answer of {@code /readyz}. */
    public static boolean isReady(ShardManager shards) {
        return shards.getShardsQueued() == 0 && !shards.getShards().isEmpty()
                && shards.getShards().stream().allMatch(shard -> shard.getStatus() == JDA.Status.CONNECTED);
    }

    /**
     * Every listener the bot registers: one per Discord surface, each translating its event for the pipeline
     * ({@code intake}); {@code calls} sends and counts their acknowledgements.
     */
    static List<ListenerAdapter> listeners(DiscordSettings settings, DiscordIntake intake, DiscordCalls calls) {
        return List.of(
                new ReadyLog(),
                new CommandRegistrar(settings.guildId(), calls),
                new RouteCommandListener(intake, calls),
                new MentionListener(intake, calls),
                new RouteMessageListener(intake, calls),
                new ReactionListener(intake, settings.misrouteEmoji()),
                new CorrectionMenuListener(intake, calls));
    }
}
