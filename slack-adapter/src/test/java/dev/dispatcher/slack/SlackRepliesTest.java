package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.reply.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SlackReplies (Reply → Block Kit)")
class SlackRepliesTest {

    @TempDir
    Path dataDir;

    private BotCore core;
    private final SlackReplies replies = new SlackReplies("x");

    @BeforeEach
    void startCore() {
        core = BotCore.start(CoreSettings.fromEnvironment(Map.of(
                "DISPATCHER_DB_URL", "jdbc:sqlite:" + dataDir.resolve("t.db"),
                "DISPATCHER_HOME", System.getProperty("dispatcher.root", "../"))));
    }

    @AfterEach
    void stopCore() {
        core.close();
    }

    private Reply replyTo(String task) {
        return core.dispatcher().dispatch(new Task(task, "U0ALICE", new ConversationRef("slack", "C0BACKEND", null, null)));
    }

    @Test
    @DisplayName("a long task's prompt is split into several preformatted sections, each under Slack's 3000-character limit")
    void longPromptSplit() {
        // GIVEN a task of many long lines
        String task = ("Fix JWT token expiration in the refresh flow & log <every> failure. " + "detail ".repeat(40) + "\n").repeat(30);

        // WHEN it is rendered
        SlackMessage message = replies.analysis(replyTo(task));

        // THEN the message stays within Slack's limits, and the prompt spans more than one section
        assertThat(message.blocks()).hasSizeLessThanOrEqualTo(50);
        List<String> sections = message.blocks().stream().filter(SectionBlock.class::isInstance)
                .map(b -> ((SectionBlock) b).getText().getText()).toList();
        assertThat(sections).allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(SlackText.SECTION_LIMIT));
        assertThat(sections.stream().filter(text -> text.startsWith("```"))).hasSizeGreaterThan(1);
        assertThat(message.text()).hasSizeLessThan(40_000);
    }

    @Test
    @DisplayName("the analysis mirrors the terminal format: analysis lines, specialist, prompt, decision id with the misroute hint")
    void mirrorsTextFormat() {
        // WHEN a routed task is rendered
        Reply reply = replyTo("Fix JWT token expiration");
        SlackMessage message = replies.analysis(reply);

        // THEN the fallback text follows the terminal renderer's order, and the blocks carry the same parts
        assertThat(message.text()).containsSubsequence("🎯 ROUTING ANALYSIS:", "Keywords detected:", "Routing to:",
                "Confidence:", "Knowledge base:", "🤖 ACTIVATING SPECIALIST:", "ORIGINAL TASK:", "(decision " , ":x:");
        List<String> kinds = message.blocks().stream().map(LayoutBlock::getType).toList();
        assertThat(kinds).startsWith("header", "section").contains("divider").endsWith("context");
    }
}
