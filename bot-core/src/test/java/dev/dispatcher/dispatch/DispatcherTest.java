package dev.dispatcher.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.reply.Reply;
import dev.dispatcher.reply.TextReplyRenderer;
import dev.dispatcher.routing.FallbackReason;
import dev.dispatcher.store.DecisionLog;
import dev.dispatcher.store.StoredDecision;
import dev.dispatcher.testkit.Cores;
import dev.dispatcher.testkit.MiniKnowledgeBase;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The dispatcher, on a real core")
class DispatcherTest {

    @TempDir
    Path dir;

    private static Task task(String text) {
        return new Task(text, "dev", new ConversationRef("shell", "local", null, new LocalMessageIds().next()));
    }

    @ParameterizedTest(name = "{index}: invisible task")
    @ValueSource(strings = {"\u200B\u200B\u200B", "\u00A0\u00A0", "\u2060\uFEFF\u200D", " \u3000\u202F\t", "\u00AD\u200E"})
    @DisplayName("a task of only zero-width characters or no-break spaces is empty: usage help, nothing stored")
    void invisibleTaskIsEmpty(String invisible) {
        try (BotCore core = Cores.start(dir)) {
            Reply reply = core.dispatcher().dispatch(task(invisible));

            assertThat(reply.decision().fallback().kind()).isEqualTo(FallbackReason.Kind.EMPTY_TASK);
            assertThat(reply.decisionId()).as("stored decision").isNull();
            assertThat(core.stats().window("all", null).routed()).isZero();
            assertThat(RequestKind.of(invisible)).isEqualTo(RequestKind.HELP);
        }
    }

    @Test
    @DisplayName("the reply for a missing document names it relative to the knowledge-base folder, never by its path on the server")
    void missingDocumentPathIsRelative() {
        // GIVEN a knowledge base whose alpha document is gone
        Path kb = dir.resolve("kb");
        MiniKnowledgeBase.in(kb).delete("docs/alpha.md");
        java.util.Map<String, String> env = Cores.environment(dir);
        env.put("DISPATCHER_KB_DIR", kb.toString());

        try (BotCore core = Cores.start(env)) {
            // WHEN a task for alpha is answered
            Reply reply = core.dispatcher().dispatch(task("widget"));
            String shown = new TextReplyRenderer().render(reply, "react with :x:") + String.join("\n", reply.notes());

            // THEN
            assertThat(reply.decision().fallback().kind()).isEqualTo(FallbackReason.Kind.MISSING_DOCUMENT);
            assertThat(shown).contains("kb/docs/alpha.md").doesNotContain(dir.toString());
        }
    }

    @Test
    @DisplayName("a 10 MB task is stored as the 2,000 characters routing read, with its length, and the reply says so")
    void hugeTask() {
        String huge = "Fix JWT token expiration. " + "lorem ipsum ".repeat(850_000);
        try (BotCore core = Cores.start(dir)) {
            // WHEN
            Reply reply = core.dispatcher().dispatch(task(huge));

            // THEN
            StoredDecision stored = new DecisionLog(core.database(), Clock.systemUTC()).find(reply.decisionId()).orElseThrow();
            assertThat(stored.taskText()).hasSize(2_000).startsWith("Fix JWT token expiration.");
            assertThat(stored.taskLength()).isEqualTo(huge.strip().length()).isGreaterThan(10_000_000);
            assertThat(reply.notes()).contains(String.format(java.util.Locale.ROOT,
                    "The task is %,d characters long; only its first 2,000 were routed and kept.", huge.strip().length()));
        }
    }
}
