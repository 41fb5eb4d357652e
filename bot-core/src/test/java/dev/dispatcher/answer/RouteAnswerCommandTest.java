package dev.dispatcher.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.cli.Cli;
import dev.dispatcher.testkit.Cores;
import dev.dispatcher.testkit.FakeOpenAi;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("route --answer: the specialist answers in the terminal")
class RouteAnswerCommandTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("'route --answer' streams the model's answer into the terminal, its links after it")
    void routeAnswerStreams() {
        try (FakeOpenAi provider = new FakeOpenAi()) {
            provider.answering("Rotate the refresh token on every use [1].");
            Map<String, String> env = Cores.environment(dir);
            env.putAll(Map.of("DISPATCHER_LLM_PROVIDER", "openai", "DISPATCHER_LLM_BASE_URL", provider.baseUrl(),
                    "DISPATCHER_LLM_API_KEY", "test-key", "DISPATCHER_LLM_MODEL", "fake-model"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int status = new Cli(env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run(new String[] {"route", "--answer", "Fix JWT token expiration"}, new BufferedReader(new StringReader("")), false);

            assertThat(status).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("🎯 ROUTING ANALYSIS:")
                    .contains("🤖 auth-system-architect is answering…\nRotate the refresh token on every use [1].")
                    .contains("📚 Sources:\n  - knowledgebase/backend/authentication.md");
        }
    }

    @Test
    @DisplayName("'stats --json' has the answers per specialist and per template, with their helpful and cite rates")
    void statsJson() {
        Map<String, String> env = Cores.environment(dir);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli cli = new Cli(env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        cli.run(new String[] {"route", "--answer", "Fix JWT token expiration"}, new BufferedReader(new StringReader("")), false);
        out.reset();

        int status = cli.run(new String[] {"stats", "--json", "--all"}, new BufferedReader(new StringReader("")), false);

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"answers\"").contains("\"bySpecialist\"")
                .contains("\"name\" : \"auth-system-architect\"").contains("\"byTemplate\"").contains("\"knowledge-base\"");
    }

    @Test
    @DisplayName("a bad model setting stops 'route' with one line naming the variable, exit status 2")
    void badSettingStops() {
        Map<String, String> env = Cores.environment(dir);
        env.put("DISPATCHER_LLM_PROVIDER", "gemini");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = new Cli(env, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"route", "Fix JWT"}, new BufferedReader(new StringReader("")), false);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("DISPATCHER_LLM_PROVIDER must be one of none, openai, anthropic");
    }
}
