package dev.dispatcher.discord;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Discord adapter's configuration, read once from the environment.
 *
 * @param token         bot token ({@code DISCORD_TOKEN}, required); never printed, {@link #toString()} hides it
 * @param guildId       guild whose commands are registered instantly ({@code DISCORD_GUILD_ID}), or {@code null} for
 *                      global commands
 * @param apiUrl        REST base URL override ({@code DISCORD_API_URL}, tests and proxies), or {@code null}
 * @param gatewayUrl    gateway websocket URL override ({@code DISCORD_GATEWAY_URL}, tests), or {@code null}
 * @param shards        the shards this process runs ({@code DISCORD_SHARDS}, e.g. {@code 0-3/8}), or {@code null}
 *                      for Discord's recommended count
 * @param misrouteEmoji reaction that flags a misroute ({@code DISCORD_MISROUTE_EMOJI}, default ❌): a unicode
 *                      emoji or the name of a custom emoji
 * @param workers       threads that route, store and answer after the acknowledgement ({@code DISCORD_WORKERS},
 *                      default 8)
 *
 * <p>The port of the health endpoints, {@code DISPATCHER_ADMIN_PORT}, is the core's: {@code CoreSettings.adminPort()}.
 */
public record DiscordSettings(
        String token,
        String guildId,
        String apiUrl,
        String gatewayUrl,
        Shards shards,
        String misrouteEmoji,
        int workers) {

    static final int DEFAULT_WORKERS = 8;

    /** The unicode cross mark; Slack's name for it, {@code x}, means nothing on Discord. */
    public static final String DEFAULT_MISROUTE_EMOJI = "❌";

    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{1,20}");
    private static final Pattern CUSTOM_EMOJI = Pattern.compile("<a?:(\\w+):\\d+>");

    /**
     * Reads the settings.
     *
     * @throws IllegalArgumentException naming the variable that is missing or unusable
     */
    public static DiscordSettings fromEnvironment(Map<String, String> env) {
        String token = blankToNull(env.get("DISCORD_TOKEN"));
        if (token == null) {
            throw new IllegalArgumentException("DISCORD_TOKEN is not set: create a bot in the Discord developer portal"
                    + " and export its token as DISCORD_TOKEN (see discord-adapter/README.md)");
        }
        String guild = blankToNull(env.get("DISCORD_GUILD_ID"));
        if (guild != null && !SNOWFLAKE.matcher(guild).matches()) {
            throw new IllegalArgumentException("DISCORD_GUILD_ID must be a numeric guild id, was '" + guild + "'");
        }
        String api = blankToNull(env.get("DISCORD_API_URL"));
        if (api != null) {
            DiscordEndpoints.wellFormed("DISCORD_API_URL", api, Set.of("http", "https"), "http://127.0.0.1:8080/api/v10/");
        }
        String gateway = blankToNull(env.get("DISCORD_GATEWAY_URL"));
        if (gateway != null) {
            DiscordEndpoints.wellFormed("DISCORD_GATEWAY_URL", gateway, Set.of("ws", "wss"), "ws://127.0.0.1:9000");
        }
        String shards = blankToNull(env.get("DISCORD_SHARDS"));
        String emoji = blankToNull(env.get("DISCORD_MISROUTE_EMOJI"));
        return new DiscordSettings(token, guild, api, gateway, shards == null ? null : Shards.parse(shards),
                emoji == null ? DEFAULT_MISROUTE_EMOJI : emojiName(emoji), workers(blankToNull(env.get("DISCORD_WORKERS"))));
    }

    private static int workers(String value) {
        if (value == null) {
            return DEFAULT_WORKERS;
        }
        try {
            int workers = Integer.parseInt(value);
            if (workers >= 1 && workers <= 256) {
                return workers;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("DISCORD_WORKERS must be a number of threads from 1 to 256, was '" + value + "'");
    }

    @Override
    public String toString() {
        return "DiscordSettings[token=<hidden>, guildId=" + guildId + ", apiUrl=" + apiUrl + ", gatewayUrl=" + gatewayUrl
                + ", shards=" + shards + ", misrouteEmoji=" + misrouteEmoji + ", workers=" + workers + "]";
    }

    /** {@code ❌}, {@code misroute}, {@code :misroute:} and {@code <:misroute:123>} all name an emoji; reactions carry the name. */
    private static String emojiName(String emoji) {
        Matcher custom = CUSTOM_EMOJI.matcher(emoji);
        return custom.matches() ? custom.group(1) : emoji.replace(":", "");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * A contiguous range of shards out of a total, as in {@code 0-3/8} (shards 0 to 3 of 8) or {@code 5/8} (shard 5).
     *
     * @param first first shard id this process runs
     * @param last  last shard id this process runs, inclusive
     * @param total how many shards the whole bot has
     */
    public record Shards(int first, int last, int total) {

        private static final Pattern FORMAT = Pattern.compile("(\\d+)(?:-(\\d+))?/(\\d+)");

        public Shards {
            if (total < 1 || first < 0 || first > last || last >= total) {
                throw new IllegalArgumentException("DISCORD_SHARDS needs 0 <= first <= last < total, was "
                        + first + "-" + last + "/" + total);
            }
        }

        /** Parses {@code first-last/total} or {@code id/total}; the error names {@code DISCORD_SHARDS}. */
        public static Shards parse(String text) {
            Matcher m = FORMAT.matcher(text.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("DISCORD_SHARDS must look like 0-3/8 (shards 0 to 3 of 8) or 2/8, was '"
                        + text + "'");
            }
            try {
                int first = Integer.parseInt(m.group(1));
                int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
                return new Shards(first, last, Integer.parseInt(m.group(3)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("DISCORD_SHARDS has a number out of range: '" + text + "'");
            }
        }

        @Override
        public String toString() {
            return first + "-" + last + "/" + total;
        }
    }
}
