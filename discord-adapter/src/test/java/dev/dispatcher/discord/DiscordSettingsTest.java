package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DiscordSettingsTest {

    private static final String TOKEN = "fake.test.token";

    @Test
    @DisplayName("a missing DISCORD_TOKEN is refused with a message naming the variable")
    void tokenRequired() {
        assertThatThrownBy(() -> DiscordSettings.fromEnvironment(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("DISCORD_TOKEN is not set");
    }

    @Test
    @DisplayName("the token never appears in the settings' text")
    void toStringHidesToken() {
        assertThat(DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", TOKEN)).toString())
                .doesNotContain(TOKEN).contains("token=<hidden>");
    }

    @Test
    @DisplayName("the misroute emoji defaults to ❌ (Slack's 'x' means nothing on Discord); a custom emoji is known by its name")
    void defaultEmoji() {
        assertThat(DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", TOKEN, "DISPATCHER_MISROUTE_EMOJI", "x")).misrouteEmoji())
                .isEqualTo("❌");
        assertThat(DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_MISROUTE_EMOJI", ":misroute:")).misrouteEmoji())
                .isEqualTo("misroute");
        assertThat(DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_MISROUTE_EMOJI", "<:misroute:123456>")).misrouteEmoji())
                .isEqualTo("misroute");
    }

    @Test
    @DisplayName("DISCORD_WORKERS defaults to 8; a value that is not 1 to 256 is refused naming the variable")
    void workers() {
        assertThat(DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", TOKEN)).workers()).isEqualTo(8);
        assertThat(DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_WORKERS", "16")).workers()).isEqualTo(16);
        assertThatThrownBy(() -> DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_WORKERS", "0")))
                .hasMessageContaining("DISCORD_WORKERS");
    }

    @Test
    @DisplayName("DISCORD_SHARDS '0-3/8' means shards 0 to 3 of 8; a single '5/8' means shard 5; absent means recommended")
    void shards() {
        assertThat(DiscordSettings.Shards.parse("0-3/8")).isEqualTo(new DiscordSettings.Shards(0, 3, 8));
        assertThat(DiscordSettings.Shards.parse("5/8")).isEqualTo(new DiscordSettings.Shards(5, 5, 8));
        assertThat(DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", TOKEN)).shards()).isNull();
    }

    @Test
    @DisplayName("unusable shard ranges are refused naming DISCORD_SHARDS")
    void badShards() {
        assertThatThrownBy(() -> DiscordSettings.Shards.parse("3-9/8")).hasMessageContaining("DISCORD_SHARDS");
        assertThatThrownBy(() -> DiscordSettings.Shards.parse("four")).hasMessageContaining("DISCORD_SHARDS");
    }

    @Test
    @DisplayName("a guild id that is not a snowflake is refused naming DISCORD_GUILD_ID")
    void badGuild() {
        assertThatThrownBy(() -> DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_GUILD_ID", "my-server")))
                .hasMessageContaining("DISCORD_GUILD_ID");
    }
}
