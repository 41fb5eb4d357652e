package dev.dispatcher.discord;

import java.util.EnumSet;
import java.util.Set;
import net.dv8tion.jda.api.Permission;

/**
 * The permissions and OAuth2 scopes the bot is invited with, and the invite URL built from them; the README shows the
 * same integer (a test keeps them equal).
 */
public final class BotPermissions {

    /** Read the channel, answer, thread the answer, show embeds, and reply to (quote) the asking message. */
    public static final Set<Permission> REQUIRED = EnumSet.of(
            Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND,
            Permission.MESSAGE_SEND_IN_THREADS,
            Permission.CREATE_PUBLIC_THREADS,
            Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_HISTORY);

    /** {@code bot} to join servers, {@code applications.commands} for {@code /route}. */
    public static final String SCOPES = "bot+applications.commands";

    private BotPermissions() {}

    /** The permissions as the integer Discord's invite URL takes. */
    public static long raw() {
        return Permission.getRaw(REQUIRED);
    }

    /** The URL a server admin opens to add the bot. */
    public static String inviteUrl(String applicationId) {
        return "https://discord.com/oauth2/authorize?client_id=" + applicationId + "&scope=" + SCOPES + "&permissions=" + raw();
    }
}
