package dev.dispatcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dispatcher.app.BotCore;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.reply.Reply;
import dev.dispatcher.testkit.Cores;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The learning commands: suggest, export and forget")
class LearningCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int counter;

    private int run(String... args) {
        out.reset();
        return new Cli(Cores.environment(dir), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()))
                .run(args, new BufferedReader(new StringReader("")), false);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A routed task: its decision and the message that shows the reply. */
    private record Routed(String decisionId, ConversationRef replyMessage) {}

    /** Routes a task as the shell would. */
    private Routed routed(BotCore core, String task) {
        ConversationRef origin = new ConversationRef("shell", "local", null, String.valueOf(++counter));
        Reply reply = core.dispatcher().dispatch(new Task(task, "dev", origin));
        ConversationRef replyMessage = new ConversationRef("shell", "local", origin.message(), String.valueOf(++counter));
        core.dispatcher().attach(reply.decisionId(), replyMessage);
        return new Routed(reply.decisionId(), replyMessage);
    }

    private String route(BotCore core, String task) {
        return routed(core, task).decisionId();
    }

    @Test
    @DisplayName("'suggest' lists words that recur in tasks corrected to a specialist and its configuration lacks")
    void suggest() {
        try (BotCore core = Cores.start(dir)) {
            // Routed first, corrected after: the router learns from each correction and would route the last one right.
            List<String> decisions = List.of("the quarterly rollup numbers look off", "rollup job double counts refunds",
                    "rebuild the rollup for march").stream().map(task -> route(core, task)).toList();
            decisions.forEach(id -> core.feedback().correct(id, "config-architect", "ana"));
        }
        assertThat(run("suggest")).isZero();
        assertThat(stdout()).contains("# config-architect").contains("rollup: 1.5   # 3 corrected tasks");
    }

    @Test
    @DisplayName("'export' writes corrected decisions with their correction and unflagged ones with their route")
    void export() throws Exception {
        try (BotCore core = Cores.start(dir)) {
            // GIVEN one corrected, one unflagged and one flagged-but-uncorrected decision
            core.feedback().correct(route(core, "Add new table for user sessions"), "auth-system-architect", "ana");
            route(core, "Fix CORS issues");
            assertThat(core.feedback().flag(routed(core, "Configure SMTP").replyMessage(), "bob")).isPresent();
        }
        Path file = dir.resolve("mine.jsonl");
        assertThat(run("export", file.toString())).isZero();
        List<JsonNode> lines = Files.readAllLines(file).stream().map(this::parse).toList();
        assertThat(lines).extracting(n -> n.path("text").asText() + " → " + n.path("label").asText())
                .containsExactly("Add new table for user sessions → auth-system-architect", "Fix CORS issues → api-endpoints-architect");
        assertThat(run("eval", file.toString())).isZero();
    }

    @Test
    @DisplayName("'export' leaves out fallbacks and command-line decisions nobody confirmed, but keeps corrected ones")
    void exportLeavesOutUnconfirmedDecisions() throws Exception {
        try (BotCore core = Cores.start(dir)) {
            // GIVEN an unflagged fallback from a chat
            route(core, "hello there");
        }
        // AND two decisions of ./dispatcher route, one of which is corrected afterwards
        assertThat(run("route", "Configure SMTP settings")).isZero();
        assertThat(run("route", "Add new table for user sessions")).isZero();
        try (BotCore core = Cores.start(dir)) {
            String id = core.database().connection().createStatement()
                    .executeQuery("SELECT id FROM decisions WHERE task_text = 'Add new table for user sessions'").getString(1);
            assertThat(core.feedback().correct(id, "auth-system-architect", "ana").recorded()).isTrue();
        }

        // WHEN
        Path file = dir.resolve("mine.jsonl");
        assertThat(run("export", file.toString())).isZero();

        // THEN only the corrected command-line decision is a labelled example
        assertThat(Files.readAllLines(file)).map(this::parse)
                .extracting(n -> n.path("text").asText() + " → " + n.path("label").asText())
                .containsExactly("Add new table for user sessions → auth-system-architect");
    }

    @Test
    @DisplayName("'forget' removes a decision's corrections, so the router unlearns them")
    void forget() {
        String id;
        try (BotCore core = Cores.start(dir)) {
            id = route(core, "Add new table for user sessions");
            core.feedback().correct(id, "auth-system-architect", "ana");
            assertThat(core.dispatcher().router().route("Add new table for user sessions").specialist()).isEqualTo("auth-system-architect");
        }
        assertThat(run("forget", id)).isZero();
        assertThat(run("forget", "no-such-id")).isEqualTo(1);
        try (BotCore core = Cores.start(dir)) {
            assertThat(core.dispatcher().router().route("Add new table for user sessions").specialist()).isEqualTo("database-architect");
        }
    }

    private JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
