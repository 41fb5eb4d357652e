package dev.dispatcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dispatcher.testkit.Cores;
import dev.dispatcher.testkit.Repository;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The command line")
class CliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        Cli cli = new Cli(env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run(args, new BufferedReader(new StringReader("")), false);
    }

    private int run(String... args) {
        return run(Cores.environment(dir), args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("'route --json' prints the decision with specialist, confidence, keywords, alternates and knowledge base")
    void routeJson() throws Exception {
        assertThat(run("route", "--json", "Fix JWT token expiration problems")).isZero();
        JsonNode decision = JSON.readTree(stdout());
        assertThat(decision.path("specialist").asText()).isEqualTo("auth-system-architect");
        assertThat(decision.path("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(decision.path("keywords").path("auth-system-architect").toString()).contains("jwt");
        assertThat(decision.path("alternates").isArray()).isTrue();
        assertThat(decision.path("knowledgeBase").path("path").asText()).isEqualTo("knowledgebase/backend/authentication.md");
        assertThat(decision.path("knowledgeBase").path("link").asText()).startsWith("knowledgebase/backend/authentication.md#");
        assertThat(decision.path("knowledgeBase").has("section")).isTrue();
        assertThat(decision.has("fallbackReason")).isFalse();
    }

    @Test
    @DisplayName("'route --json' names the fallback reason when it falls back")
    void routeJsonFallback() throws Exception {
        assertThat(run("route", "--json", "What's the best frontend framework?")).isZero();
        JsonNode decision = JSON.readTree(stdout());
        assertThat(decision.path("specialist").asText()).isEqualTo("backend-overview-architect");
        assertThat(decision.path("fallbackReason").asText()).isEqualTo("no_evidence");
    }

    @Test
    @DisplayName("'route' prints the reply as the shell shows it")
    void routeText() {
        assertThat(run("route", "Create new API endpoint")).isZero();
        assertThat(stdout()).contains("🎯 ROUTING ANALYSIS:").contains("Routing to: api-endpoints-architect")
                .contains("You are the api-endpoints-architect");
    }

    @Test
    @DisplayName("'route' with no task is a usage error")
    void routeWithoutTask() {
        assertThat(run("route")).isEqualTo(2);
        assertThat(stderr()).contains("route needs a task").contains("Usage: ./dispatcher route");
    }

    @Test
    @DisplayName("'eval' ends with exactly 'accuracy 0.XXX (HITS/TOTAL)' and shows the baseline beside ours")
    void eval() {
        assertThat(run("eval", Repository.root().resolve("eval/seed-cases.jsonl").toString())).isZero();
        String[] lines = stdout().strip().split("\n");
        assertThat(lines[lines.length - 1]).matches("accuracy 0\\.9[5-9]\\d \\(\\d+/48\\)|accuracy 1\\.000 \\(48/48\\)");
        assertThat(stdout()).contains("precision").contains("recall").contains("confusion matrix")
                .contains("seed baseline: accuracy 0.813 (39/48)");
    }

    @Test
    @DisplayName("'eval --json' prints the same as one JSON object")
    void evalJson() throws Exception {
        assertThat(run("eval", "--json", Repository.root().resolve("eval/seed-cases.jsonl").toString())).isZero();
        JsonNode report = JSON.readTree(stdout());
        assertThat(report.path("total").asInt()).isEqualTo(48);
        assertThat(report.path("baseline").path("hits").asInt()).isEqualTo(39);
        assertThat(report.path("ours").path("perSpecialist").path("database-architect").has("precision")).isTrue();
        assertThat(report.path("ours").path("confusion").size()).isEqualTo(8);
    }

    @Test
    @DisplayName("'eval' names the line of a malformed case or an unknown specialist, with exit status 2")
    void evalBadFile() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"text\": \"ok\", \"label\": \"config-architect\"}\n{\"text\": \"x\", \"label\": \"wizard\"}\n");
        assertThat(run("eval", file.toString())).isEqualTo(2);
        assertThat(stderr()).contains("bad.jsonl:2").contains("unknown specialist 'wizard'");
    }

    @Test
    @DisplayName("'stats' counts the team's chat traffic; 'stats --all' adds what 'route' routed")
    void statsJson() throws Exception {
        run("route", "Fix CORS issues");
        out.reset();
        assertThat(run("stats", "--json")).isZero();
        assertThat(JSON.readTree(stdout()).path("windows").get(2).path("routed").asInt()).isZero();

        out.reset();
        assertThat(run("stats", "--all", "--json")).isZero();
        JsonNode allTime = JSON.readTree(stdout()).path("windows").get(2);
        assertThat(allTime.path("window").asText()).isEqualTo("all time");
        assertThat(allTime.path("routed").asInt()).isEqualTo(1);
        assertThat(allTime.path("specialists").path("api-endpoints-architect").path("routed").asInt()).isEqualTo(1);
    }

    @Test
    @DisplayName("an unreadable database stops with a clear error, exit status 2, and is not overwritten")
    void unreadableDatabase() throws Exception {
        Path db = dir.resolve("broken.db");
        byte[] garbage = "this is not a sqlite database, just some bytes that must survive".repeat(100).getBytes(StandardCharsets.UTF_8);
        Files.write(db, garbage);
        Map<String, String> env = Cores.environment(dir);
        env.put("DISPATCHER_DB_URL", "jdbc:sqlite:" + db);
        assertThat(run(env, "stats")).isEqualTo(2);
        assertThat(stderr()).contains("broken.db").contains("nothing was written");
        assertThat(Files.readAllBytes(db)).isEqualTo(garbage);
    }

    @Test
    @DisplayName("a malformed routing configuration stops with an error naming the file and field, exit status 2")
    void malformedConfig() throws Exception {
        Path kb = dir.resolve("kb");
        dev.dispatcher.testkit.MiniKnowledgeBase.in(kb).editRouting("gadget: 3", "gadget: -1");
        Map<String, String> env = Cores.environment(dir);
        env.put("DISPATCHER_KB_DIR", kb.toString());
        assertThat(run(env, "route", "gadget")).isEqualTo(2);
        assertThat(stderr()).contains("routing.yaml").contains("specialists[1].keywords.gadget");
    }

    @Test
    @DisplayName("an unknown command is a usage error: the problem and the usage on stderr, nothing on stdout")
    void unknownCommand() {
        assertThat(run("dance")).isEqualTo(2);
        assertThat(stderr()).contains("'dance'").contains("Usage: ./dispatcher");
        assertThat(stdout()).isEmpty();
    }
}
