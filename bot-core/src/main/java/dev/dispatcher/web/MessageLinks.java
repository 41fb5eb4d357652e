package dev.dispatcher.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Addresses of the bot's replies on their platforms, where the platform gives one: Slack needs the workspace's URL
 * ({@code DISPATCHER_WEB_SLACK_URL}), Discord the server id ({@code DISCORD_GUILD_ID}); the shell has none.
 */
final class MessageLinks {

    private final String slackWorkspace;
    private final String discordGuild;

    MessageLinks(WebSettings settings) {
        this.slackWorkspace = settings.slackWorkspace();
        this.discordGuild = settings.discordGuild();
    }

    /**
     * @param replyKey    {@code platform:channel:message} of the reply, or {@code null}
     * @param replyThread the thread it sits in, or {@code null}
     * @return the address, or {@code null}
     */
    String of(String replyKey, String replyThread) {
        if (replyKey == null) {
            return null;
        }
        String[] parts = replyKey.split(":", 3);
        if (parts.length < 3 || !parts[1].matches("[A-Za-z0-9_-]{1,64}") || !parts[2].matches("[0-9.]{1,40}")) {
            return null;
        }
        if (parts[0].equals("slack") && slackWorkspace != null) {
            String link = slackWorkspace + "/archives/" + parts[1] + "/p" + parts[2].replace(".", "");
            if (replyThread != null && replyThread.matches("[0-9.]{1,40}") && !replyThread.equals(parts[2])) {
                link += "?thread_ts=" + URLEncoder.encode(replyThread, StandardCharsets.UTF_8) + "&cid=" + parts[1];
            }
            return link;
        }
        if (parts[0].equals("discord") && discordGuild != null && parts[2].matches("[0-9]+")) {
            return "https://discord.com/channels/" + discordGuild + "/" + parts[1] + "/" + parts[2];
        }
        return null;
    }
}
