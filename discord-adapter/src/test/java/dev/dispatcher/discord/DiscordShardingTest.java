package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscordShardingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    @DisplayName("DISCORD_SHARDS=1-1/2 runs shard 1 of 2 only; without DISCORD_GUILD_ID, /route is registered globally")
    void runsConfiguredShards() throws Exception {
        // GIVEN a fake Discord and a process configured for the second of two shards
        try (FakeDiscordRest rest = new FakeDiscordRest()) {
            FakeDiscordGateway gateway = new FakeDiscordGateway(shard -> DiscordJson.guild(BotPermissions.raw()));
            String gatewayUrl = gateway.begin();
            rest.recommend(gatewayUrl, 1);
            Map<String, String> env = Map.of(
                    "DISPATCHER_HOME", System.getProperty("dispatcher.root", "../"),
                    "DISPATCHER_DB_URL", "jdbc:sqlite:" + dir.resolve("t.db"),
                    "DISCORD_TOKEN", "fake.test.token",
                    "DISCORD_API_URL", rest.baseUrl(),
                    "DISCORD_GATEWAY_URL", gatewayUrl,
                    "DISCORD_SHARDS", "1-1/2");
            BotCore core = BotCore.start(CoreSettings.fromEnvironment(env));
            ShardManager shards = DiscordBot.start(DiscordSettings.fromEnvironment(env), core, new InFlightWork()).shards();
            try {
                // WHEN it connects
                DataObject identify = gateway.awaitIdentify(WAIT);
                FakeDiscordRest.Request registration = rest.await("PUT global commands",
                        r -> r.is("PUT", "/applications/" + DiscordJson.BOT_ID + "/commands"), WAIT);

                // THEN
                assertThat(identify.getArray("shard").toList()).containsExactly(1, 2);
                assertThat(shards.getShardsTotal()).isEqualTo(2);
                assertThat(shards.getShards()).singleElement()
                        .satisfies(jda -> assertThat(jda.getShardInfo().getShardId()).isEqualTo(1));
                assertThat(registration.raw()).contains("\"name\":\"route\"");
            } finally {
                shards.shutdown();
                core.close();
                gateway.stop(1000);
            }
        }
    }
}
