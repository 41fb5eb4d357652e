package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.reply.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscordRepliesTest {

    @TempDir
    Path dir;

    private BotCore core;
    private final DiscordReplies replies = new DiscordReplies("❌");

    @BeforeEach
    void start() {
        core = BotCore.start(CoreSettings.fromEnvironment(Map.of(
                "DISPATCHER_HOME", System.getProperty("dispatcher.root", "../"),
                "DISPATCHER_DB_URL", "jdbc:sqlite:" + dir.resolve("t.db"),
                "DISPATCHER_KB_URL", "https://git.example.com/backend/blob/main/")));
    }

    @AfterEach
    void stop() {
        core.close();
    }

    private Reply route(String task) {
        return core.dispatcher().dispatch(new Task(task, "u1", new ConversationRef("discord", "c1", null, null)));
    }

    @Test
    @DisplayName("the embed's title names the specialist and links the knowledge-base document when it is on the web")
    void titleLinksKnowledgeBase() {
        // WHEN
        MessageEmbed embed = replies.embed(route("Fix JWT token expiration"));

        // THEN
        assertThat(embed.getTitle()).isEqualTo("🎯 Routing analysis → 🔐 Auth System Architect");
        assertThat(embed.getUrl()).startsWith("https://git.example.com/backend/blob/main/").contains("authentication.md");
        assertThat(embed.getDescription()).contains("**Knowledge base:** [knowledgebase/backend/authentication.md");
    }

    @Test
    @DisplayName("the embed's footer carries the decision id and how to flag a misroute")
    void footerNamesDecision() {
        // GIVEN
        Reply reply = route("Fix JWT token expiration");

        // WHEN
        MessageEmbed embed = replies.embed(reply);

        // THEN
        assertThat(embed.getFooter().getText()).isEqualTo("decision " + reply.decisionId()
                + " · react with ❌ if this is the wrong specialist");
    }

    @Test
    @DisplayName("a long prompt is split into code blocks that each fit one message, none of them able to ping")
    void longPromptIsSplit() {
        // GIVEN
        Reply reply = route("Fix JWT token expiration " + "and the refresh cookie path as well ".repeat(120));

        // WHEN
        List<MessageCreateData> messages = replies.prompt(reply);

        // THEN
        assertThat(messages).hasSizeGreaterThan(1).allSatisfy(m -> {
            assertThat(m.getContent()).hasSizeLessThanOrEqualTo(2000).contains("```");
            assertThat(m.getAllowedMentions()).isEmpty();
        });
        assertThat(messages.get(0).getContent()).startsWith("🤖 **ACTIVATING SPECIALIST:**");
    }

    @Test
    @DisplayName("a task that contains a code fence cannot close the prompt's code block")
    void fenceInTaskIsBroken() {
        // WHEN
        List<MessageCreateData> messages = replies.prompt(route("Fix JWT ```@everyone``` token expiration"));

        // THEN
        String content = messages.get(0).getContent();
        assertThat(content.split("```", -1)).hasSize(3); // exactly one opening and one closing fence
        assertThat(content).doesNotContain("@everyone");
    }
}
