package dev.dispatcher.discord;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * The real bot (core, JDA shards, listeners) connected to a fake Discord on loopback: a gateway that delivers events
 * and a REST API that records what the bot sends. For test classes that share one bot across their tests.
 */
final class DiscordBotUnderTest implements AutoCloseable {

    static final long PERMISSIONS = BotPermissions.raw();

    private final FakeDiscordRest rest;
    private final FakeDiscordGateway gateway;
    private final BotCore core;
    private final ShardManager shards;

    private DiscordBotUnderTest(FakeDiscordRest rest, FakeDiscordGateway gateway, BotCore core, ShardManager shards) {
        this.rest = rest;
        this.gateway = gateway;
        this.core = core;
        this.shards = shards;
    }

    /**
     * Starts the fake and the bot on a fresh SQLite file.
     *
     * @param settings variables added to (or, empty, removed from) {@link DiscordJson#botEnvironment}'s
     */
    static DiscordBotUnderTest start(String name, Map<String, String> settings) throws Exception {
        Path dir = Files.createTempDirectory(name);
        FakeDiscordRest rest = new FakeDiscordRest();
        FakeDiscordGateway gateway = new FakeDiscordGateway(shard -> DiscordJson.guild(PERMISSIONS));
        String gatewayUrl = gateway.begin();
        rest.recommend(gatewayUrl, 1);
        Map<String, String> env = DiscordJson.botEnvironment(dir, rest, gatewayUrl);
        settings.forEach((key, value) -> {
            if (value.isEmpty()) {
                env.remove(key);
            } else {
                env.put(key, value);
            }
        });
        BotCore core = BotCore.start(CoreSettings.fromEnvironment(env));
        ShardManager shards = DiscordBot.start(DiscordSettings.fromEnvironment(env), core, new InFlightWork()).shards();
        return new DiscordBotUnderTest(rest, gateway, core, shards);
    }

    FakeDiscordRest rest() {
        return rest;
    }

    FakeDiscordGateway gateway() {
        return gateway;
    }

    BotCore core() {
        return core;
    }

    ShardManager shards() {
        return shards;
    }

    @Override
    public void close() throws Exception {
        shards.shutdown();
        core.close();
        gateway.stop(1000);
        rest.close();
    }
}
