package dev.dispatcher.discord;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * The JSON a fake Discord sends: users, members, the test guild with its text channel, messages, threads and
 * interactions, shaped as in Discord's API v10 (only the fields JDA reads, with plausible values).
 */
final class DiscordJson {

    static final String BOT_ID = "1000";
    /** The environment a test bot starts with: the repository's knowledge base, a SQLite file in {@code dir}, a fake token. */
    static Map<String, String> botEnvironment(Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("DISPATCHER_HOME", System.getProperty("dispatcher.root", "../"));
        env.put("DISPATCHER_DB_URL", "jdbc:sqlite:" + dir.resolve("t.db"));
        env.put("DISCORD_TOKEN", "fake.test.token");
        // The routing reply alone: the specialist's answer after it is specified by DiscordAnswerTest.
        env.put("DISPATCHER_ANSWER_CHANNELS", "none");
        return env;
    }

    /** The same, pointed at a fake Discord's REST and gateway, with the test guild for command registration. */
    static Map<String, String> botEnvironment(Path dir, FakeDiscordRest rest, String gatewayUrl) {
        Map<String, String> env = botEnvironment(dir);
        env.put("DISCORD_GUILD_ID", GUILD_ID);
        env.put("DISCORD_API_URL", rest.baseUrl());
        env.put("DISCORD_GATEWAY_URL", gatewayUrl);
        return env;
    }

    static final String GUILD_ID = "2000";
    static final String CHANNEL_ID = "3000";
    static final String PERSON_ID = "4000";
    static final String COMMAND_ID = "6000";
    static final String TIMESTAMP = "2025-01-01T00:00:00.000000+00:00";

    private DiscordJson() {}

    static DataObject user(String id, String name, boolean bot) {
        return DataObject.empty().put("id", id).put("username", name).put("discriminator", "0").put("global_name", name)
                .put("avatar", null).put("bot", bot).put("system", false).put("flags", 0).put("public_flags", 0);
    }

    static DataObject botUser() {
        return user(BOT_ID, "dispatcher", true).put("verified", true).put("mfa_enabled", false);
    }

    static DataObject person() {
        return user(PERSON_ID, "ada", false);
    }

    static DataObject member(DataObject user, long permissions) {
        DataObject member = DataObject.empty().put("user", user).put("roles", DataArray.empty()).put("joined_at", TIMESTAMP)
                .put("deaf", false).put("mute", false).put("flags", 0).put("pending", false).put("nick", null).put("avatar", null);
        return permissions < 0 ? member : member.put("permissions", Long.toString(permissions));
    }

    static DataObject textChannel() {
        return DataObject.empty().put("id", CHANNEL_ID).put("type", 0).put("guild_id", GUILD_ID).put("name", "backend")
                .put("position", 0).put("permission_overwrites", DataArray.empty()).put("parent_id", null)
                .put("topic", null).put("nsfw", false).put("rate_limit_per_user", 0).put("last_message_id", null).put("flags", 0);
    }

    /** The guild as GUILD_CREATE delivers it: everyone may do what the bot needs, and the bot is a member. */
    static DataObject guild(long everyonePermissions) {
        DataObject everyone = DataObject.empty().put("id", GUILD_ID).put("name", "@everyone")
                .put("permissions", Long.toString(everyonePermissions)).put("position", 0).put("color", 0)
                .put("hoist", false).put("managed", false).put("mentionable", false).put("flags", 0).put("icon", null)
                .put("unicode_emoji", null);
        return DataObject.empty().put("id", GUILD_ID).put("name", "Flask backend").put("owner_id", PERSON_ID)
                .put("icon", null).put("splash", null).put("banner", null).put("description", null)
                .put("preferred_locale", "en-US").put("afk_channel_id", null).put("afk_timeout", 300)
                .put("verification_level", 0).put("default_message_notifications", 0).put("explicit_content_filter", 0)
                .put("mfa_level", 0).put("nsfw_level", 0).put("premium_tier", 0).put("premium_subscription_count", 0)
                .put("premium_progress_bar_enabled", false).put("system_channel_id", null).put("rules_channel_id", null)
                .put("public_updates_channel_id", null).put("vanity_url_code", null).put("max_members", 500000)
                .put("features", DataArray.empty()).put("roles", DataArray.empty().add(everyone))
                .put("channels", DataArray.empty().add(textChannel())).put("threads", DataArray.empty())
                .put("members", DataArray.empty().add(member(botUser(), -1)))
                .put("member_count", 2).put("large", false).put("unavailable", false).put("joined_at", TIMESTAMP)
                .put("voice_states", DataArray.empty()).put("presences", DataArray.empty()).put("emojis", DataArray.empty())
                .put("stickers", DataArray.empty()).put("guild_scheduled_events", DataArray.empty())
                .put("stage_instances", DataArray.empty()).put("application_id", null);
    }

    static DataObject ready(String resumeUrl, int shard, int total) {
        return DataObject.empty().put("v", 10).put("user", botUser())
                .put("guilds", DataArray.empty().add(DataObject.empty().put("id", GUILD_ID).put("unavailable", true)))
                .put("session_id", "fake-session").put("resume_gateway_url", resumeUrl)
                .put("private_channels", DataArray.empty()).put("relationships", DataArray.empty())
                .put("application", DataObject.empty().put("id", BOT_ID).put("flags", 0))
                .put("shard", DataArray.empty().add(shard).add(total)).put("_trace", DataArray.empty().add("fake-discord"));
    }

    /** A message as Discord returns it after a bot posted one, echoing what was sent. */
    static DataObject message(String id, String channelId, DataObject author, String content, DataArray embeds, DataArray components) {
        return DataObject.empty().put("id", id).put("channel_id", channelId).put("guild_id", GUILD_ID).put("author", author)
                .put("content", content).put("timestamp", TIMESTAMP).put("edited_timestamp", null).put("tts", false)
                .put("mention_everyone", false).put("mentions", DataArray.empty()).put("mention_roles", DataArray.empty())
                .put("attachments", DataArray.empty()).put("embeds", embeds).put("components", components)
                .put("pinned", false).put("type", 0).put("flags", 0);
    }

    /** A person's message that mentions the bot, as MESSAGE_CREATE delivers it. */
    static DataObject mention(String id, String content, long permissions) {
        DataObject mentioned = botUser().put("member", member(botUser(), -1).remove("user"));
        return message(id, CHANNEL_ID, person(), content, DataArray.empty(), DataArray.empty())
                .put("member", member(person(), -1).remove("user"))
                .put("mentions", DataArray.empty().add(mentioned));
    }

    static DataObject thread(String id, String parentId, String name) {
        return DataObject.empty().put("id", id).put("type", 11).put("guild_id", GUILD_ID).put("parent_id", parentId)
                .put("owner_id", BOT_ID).put("name", name).put("last_message_id", null).put("rate_limit_per_user", 0)
                .put("message_count", 0).put("member_count", 1).put("total_message_sent", 0).put("flags", 0)
                .put("applied_tags", DataArray.empty())
                .put("thread_metadata", DataObject.empty().put("archived", false).put("auto_archive_duration", 1440)
                        .put("archive_timestamp", TIMESTAMP).put("locked", false).put("invitable", true)
                        .put("create_timestamp", TIMESTAMP));
    }

    private static DataObject interaction(String id, int type, long permissions) {
        return DataObject.empty().put("id", id).put("application_id", BOT_ID).put("type", type)
                .put("token", "interaction-token-" + id).put("version", 1).put("guild_id", GUILD_ID)
                .put("channel_id", CHANNEL_ID).put("channel", textChannel().put("permissions", Long.toString(permissions)))
                .put("guild", DataObject.empty().put("id", GUILD_ID).put("locale", "en-US").put("features", DataArray.empty()))
                .put("member", member(person(), permissions)).put("locale", "en-US").put("guild_locale", "en-US")
                .put("app_permissions", Long.toString(permissions)).put("entitlements", DataArray.empty())
                .put("authorizing_integration_owners", DataObject.empty().put("0", GUILD_ID)).put("context", 0);
    }

    /** {@code /route task:<task>} as INTERACTION_CREATE delivers it. */
    static DataObject routeCommand(String id, String task, long permissions) {
        DataObject option = DataObject.empty().put("name", RouteCommand.TASK).put("type", 3).put("value", task);
        return interaction(id, 2, permissions).put("data", DataObject.empty().put("id", COMMAND_ID).put("name", RouteCommand.NAME)
                .put("type", 1).put("guild_id", GUILD_ID).put("options", DataArray.empty().add(option)));
    }

    /** "Route this message" used on {@code target}, as INTERACTION_CREATE delivers a message context-menu command. */
    static DataObject messageCommand(String id, DataObject target, long permissions) {
        String targetId = target.getString("id");
        return interaction(id, 2, permissions).put("data", DataObject.empty().put("id", "6001")
                .put("name", RouteCommand.ROUTE_THIS_MESSAGE).put("type", 3).put("guild_id", GUILD_ID).put("target_id", targetId)
                .put("resolved", DataObject.empty().put("messages", DataObject.empty().put(targetId, target))));
    }

    /** A choice in a string select menu on {@code message}, as INTERACTION_CREATE delivers it. */
    static DataObject menuChoice(String id, DataObject message, String customId, String value, long permissions) {
        return interaction(id, 3, permissions).put("message", message).put("data", DataObject.empty()
                .put("custom_id", customId).put("component_type", 3).put("values", DataArray.empty().add(value)));
    }

    static DataObject reactionAdd(String messageId, String emoji) {
        return DataObject.empty().put("user_id", PERSON_ID).put("channel_id", CHANNEL_ID).put("message_id", messageId)
                .put("guild_id", GUILD_ID).put("member", member(person(), -1)).put("message_author_id", BOT_ID)
                .put("emoji", DataObject.empty().put("id", null).put("name", emoji)).put("burst", false).put("type", 0)
                .put("burst_colors", DataArray.empty());
    }
}
