package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BotPermissionsTest {

    @Test
    @DisplayName("the invite asks for exactly what the bot uses: read, send, threads, embeds, history")
    void permissions() {
        assertThat(BotPermissions.REQUIRED).containsExactlyInAnyOrder(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
                Permission.MESSAGE_SEND_IN_THREADS, Permission.CREATE_PUBLIC_THREADS, Permission.MESSAGE_EMBED_LINKS,
                Permission.MESSAGE_HISTORY);
        assertThat(BotPermissions.inviteUrl("123")).isEqualTo(
                "https://discord.com/oauth2/authorize?client_id=123&scope=bot+applications.commands&permissions=" + BotPermissions.raw());
    }

    @Test
    @DisplayName("the README shows the same permissions integer the code computes")
    void readmeMatches() throws IOException {
        // GIVEN
        Path readme = Path.of(System.getProperty("dispatcher.root", "../"), "discord-adapter", "README.md");

        // WHEN
        String text = Files.readString(readme);

        // THEN
        assertThat(text).contains("permissions=" + BotPermissions.raw()).contains("`" + BotPermissions.raw() + "`");
    }

    @Test
    @DisplayName("the bot asks for the two gateway intents it needs and not the privileged message-content intent")
    void intents() {
        assertThat(DiscordBot.INTENTS).containsExactlyInAnyOrder(GatewayIntent.GUILD_MESSAGES, GatewayIntent.GUILD_MESSAGE_REACTIONS)
                .doesNotContain(GatewayIntent.MESSAGE_CONTENT);
    }
}
