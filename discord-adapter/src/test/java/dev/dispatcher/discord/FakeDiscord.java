package dev.dispatcher.discord;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A whole fake Discord on loopback for load runs, usable from outside this package: the gateway ({@link FakeDiscordGateway}:
 * HELLO, READY and the test guild, then the events handed to it) and the REST API ({@link FakeDiscordRest} in counting
 * mode: it answers like Discord, sends no rate-limit headers, and keeps counts instead of requests). One bot process at
 * a time: the gateway dispatches to the client that connected last. Thread-safe.
 */
public final class FakeDiscord implements AutoCloseable {

    /** Kinds of request for {@link #count}. */
    public static final String CALLBACK = FakeDiscordRest.CALLBACK;
    /** An interaction answered at once with a message (type 4) instead of deferred: the bot said it is busy. */
    public static final String CALLBACK_REPLY = "callback-reply";
    public static final String EDIT_ORIGINAL = FakeDiscordRest.EDIT_ORIGINAL;
    public static final String START_THREAD = FakeDiscordRest.START_THREAD;
    public static final String THREAD_MESSAGE = FakeDiscordRest.THREAD_MESSAGE;
    public static final String COMMANDS = FakeDiscordRest.COMMANDS;

    private static final long PERMISSIONS = BotPermissions.raw();

    private final FakeDiscordRest rest;
    private final FakeDiscordGateway gateway;
    private final String gatewayUrl;

    private FakeDiscord(FakeDiscordRest rest, FakeDiscordGateway gateway, String gatewayUrl) {
        this.rest = rest;
        this.gateway = gateway;
        this.gatewayUrl = gatewayUrl;
    }

    /** Starts both halves; the guild lets everyone do what the bot needs. */
    public static FakeDiscord startCounting() throws IOException, InterruptedException {
        FakeDiscordRest rest = FakeDiscordRest.startCounting();
        FakeDiscordGateway gateway = new FakeDiscordGateway(shard -> DiscordJson.guild(PERMISSIONS));
        String url = gateway.begin();
        rest.recommend(url, 1);
        return new FakeDiscord(rest, gateway, url);
    }

    /**
     * The Discord part of a bot's environment: a token, the test guild, and this fake's REST and gateway URLs.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("DISCORD_TOKEN", "fake.load.token");
        env.put("DISCORD_GUILD_ID", DiscordJson.GUILD_ID);
        env.put("DISCORD_API_URL", rest.baseUrl());
        env.put("DISCORD_GATEWAY_URL", gatewayUrl);
        return env;
    }

    /**
     * Delivers {@code /route task:<task>} as INTERACTION_CREATE to the connected bot. Call from one thread: events go
     * out in the order of their sequence numbers.
     *
     * @param interactionId a snowflake of now: JDA refuses interactions older than 15 minutes
     */
    public void route(String interactionId, String task) {
        gateway.dispatch("INTERACTION_CREATE", DiscordJson.routeCommand(interactionId, task, PERMISSIONS));
    }

    /** How many requests of a kind the REST API has received. */
    public long count(String kind) {
        return rest.count(kind);
    }

    /**
     * From now on, tells {@code observer} the kind and path (without {@code /api/v10}) of every request, on the thread
     * serving it, before it is answered; an interaction answered at once rather than deferred is a
     * {@link #CALLBACK_REPLY}. Replaces the previous observer.
     */
    public void observe(BiConsumer<String, String> observer) {
        rest.observe((kind, request) -> observer.accept(kind.equals(CALLBACK) && request.body() != null
                && request.body().getInt("type", 0) == 4 ? CALLBACK_REPLY : kind, request.path()));
    }

    @Override
    public void close() throws InterruptedException {
        try {
            gateway.stop(1000);
        } finally {
            rest.close();
        }
    }
}
