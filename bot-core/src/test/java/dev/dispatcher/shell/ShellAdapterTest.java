package dev.dispatcher.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.testkit.Cores;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The shell adapter, driven by piped input")
class ShellAdapterTest {

    @TempDir
    Path dir;

    private String converse(String... lines) throws IOException {
        try (BotCore core = Cores.start(dir)) {
            return converse(core, lines);
        }
    }

    private static String converse(BotCore core, String... lines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new ShellAdapter(core, new BufferedReader(new StringReader(String.join("\n", lines) + "\n")), out, false, "dev").run();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("says how to quit, answers a task as a thread would show it, and says goodbye at the end of input")
    void answersATask() throws IOException {
        String transcript = converse("Fix JWT token expiration problems");
        assertThat(transcript)
                .contains("'quit' or Ctrl-D")
                .contains("🎯 ROUTING ANALYSIS:")
                .contains("Routing to: auth-system-architect")
                .contains("Knowledge base: knowledgebase/backend/authentication.md")
                .contains("ORIGINAL TASK: Fix JWT token expiration problems")
                .contains("react with :x:")
                .endsWith("Bye.\n");
    }

    @Test
    @DisplayName("flags the last reply with :x:, offers the other specialists by number, and records the answer")
    void misrouteLoop() throws IOException {
        String transcript;
        try (BotCore core = Cores.start(dir)) {
            transcript = converse(core, "Add new table for user sessions", ":x:", "1", "stats");
            // the flagged choice list starts with auth (priority 1), since the task went to the database architect
            assertThat(transcript).contains("Who should have had it?").contains("1) auth-system-architect");
            assertThat(transcript).contains("✅ Recorded").contains("belongs to auth-system-architect");
            assertThat(core.stats().window("all", null).corrected()).isEqualTo(1);
        }
        assertThat(transcript).containsPattern("all time: 1 routed, 1 flagged \\(1 flags\\), 1 corrected, accuracy 0\\.0%");
    }

    @Test
    @DisplayName("routes the same task to the corrected specialist afterwards, and says corrections decided it")
    void learnsFromCorrection() throws IOException {
        String transcript = converse("Add new table for user sessions", ":x:", "1", "Add new table for user sessions");
        String second = transcript.substring(transcript.lastIndexOf("🎯 ROUTING ANALYSIS:"));
        assertThat(second).contains("Routing to: auth-system-architect").contains("Earlier corrections decided this route");
    }

    @Test
    @DisplayName("a second session's flag lands on its own reply, never on the first session's")
    void sessionsDoNotShareReplies() throws IOException {
        try (BotCore core = Cores.start(dir)) {
            // GIVEN a first session that routed one task
            converse(core, "Add new table for user sessions");

            // WHEN a second session, on the same database, routes another task and flags it
            String second = converse(core, "Fix CORS issues", ":x:", "auth-system-architect");

            // THEN the flag and the correction are on the second session's decision
            assertThat(second).contains("(routed to api-endpoints-architect)")
                    .contains("Recorded: \"Fix CORS issues\" belongs to auth-system-architect");
        }
    }

    @Test
    @DisplayName("two shells at once each flag their own replies")
    void concurrentShells() throws IOException {
        try (BotCore first = Cores.start(dir); BotCore second = Cores.start(dir)) {
            converse(first, "Add new table for user sessions");
            assertThat(converse(second, "Configure SMTP settings", ":x:")).contains("(routed to config-architect)");
        }
    }

    @Test
    @DisplayName("keeps corrections across a restart")
    void survivesRestart() throws IOException {
        converse("Add new table for user sessions", ":x:", "1");
        String transcript = converse("stats");
        assertThat(transcript).contains("1 corrected");
    }

    @Test
    @DisplayName("handles bad input without crashing: :x: before any task, an unknown choice, an empty line")
    void badInput() throws IOException {
        String transcript = converse(":x:", "", "Fix CORS issues", ":x:", "99", "Fix CORS issues", ":x:", "wizard-architect", "quit", "never read");
        assertThat(transcript)
                .contains("There is no routing reply to flag yet")
                .contains("There is no choice 99")
                .contains("Not a choice")
                .doesNotContain("never read")
                .endsWith("Bye.\n");
    }

    @Test
    @DisplayName("the shell shows the knowledge base's answer after each task, until 'answer off'")
    void shellAnswersUntilOff() throws IOException {
        try (BotCore core = Cores.start(dir)) {
            String transcript = converse(core, "Fix JWT token expiration", "answer off", "Tune slow postgres queries");

            assertThat(transcript).containsOnlyOnce("📖 From the knowledge base for").contains("📚 Sources:")
                    .contains("Answers off: only the routing reply.").contains("Routing to: database-architect");
        }
    }

    @Test
    @DisplayName("'stats' in the shell shows the answers per specialist and per template")
    void shellStats() throws IOException {
        try (BotCore core = Cores.start(dir)) {
            String transcript = converse(core, "Fix JWT token expiration", "stats");

            assertThat(transcript).contains("Answers, last 30 days").contains("knowledge-base");
        }
    }
}
