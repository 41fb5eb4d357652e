package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.App;
import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("start-up")
class StartUpTest {

    @TempDir
    Path dataDir;

    private static String run(Map<String, String> env, int expectedExit) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SlackMain.run(env, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(expectedExit);
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("missing settings stop start-up with exit code 2 and one line naming the variable")
    void missingSettings() {
        String message = run(Map.of("SLACK_SIGNING_SECRET", "test-signing-secret-not-real"), SlackMain.BAD_CONFIGURATION);

        assertThat(message).contains("SLACK_BOT_TOKEN").doesNotContain("test-signing-secret-not-real").hasLineCount(1);
    }

    @Test
    @DisplayName("contradictory settings stop start-up with exit code 2 and print no secret")
    void contradictorySettings() {
        String message = run(Map.of("SLACK_BOT_TOKEN", "xoxb-test-not-a-token", "SLACK_SIGNING_SECRET", "test-signing-secret-not-real",
                "SLACK_APP_TOKEN", "xapp-test-not-a-token"), SlackMain.BAD_CONFIGURATION);

        assertThat(message).contains("SLACK_MODE").doesNotContain("xoxb-test-not-a-token", "xapp-test-not-a-token", "test-signing-secret-not-real");
    }

    @Test
    @DisplayName("a core setting with an unknown value stops the Slack bot as it stops the command line: exit code 2, one line")
    void unknownCoreSetting() {
        String message = run(Map.of("SLACK_BOT_TOKEN", "xoxb-test-not-a-token", "SLACK_SIGNING_SECRET", "test-signing-secret-not-real",
                "DISPATCHER_LOG_LEVEL", "LOUD"), SlackMain.BAD_CONFIGURATION);

        assertThat(message).contains("DISPATCHER_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF, was 'LOUD'")
                .hasLineCount(1);
    }

    @Test
    @DisplayName("the web page on the admin port without DISPATCHER_WEB_TOKEN stops start-up with exit code 2, one line")
    void webPageNeedsToken() {
        String message = run(Map.of("SLACK_BOT_TOKEN", "xoxb-test-not-a-token", "SLACK_SIGNING_SECRET", "test-signing-secret-not-real",
                "DISPATCHER_WEB", "on"), SlackMain.BAD_CONFIGURATION);

        assertThat(message).contains("DISPATCHER_WEB_TOKEN must be set when DISPATCHER_WEB=on").hasLineCount(1);
    }

    @Test
    @DisplayName("'slack --help' prints the usage on stdout and exits 0 without starting the bot")
    void help() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // WHEN asked for help with no settings at all (a started bot would stop for lack of SLACK_BOT_TOKEN)
        int exit = SlackMain.run(new String[] {"--help"}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        // THEN
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: ./dispatcher slack").contains("SLACK_BOT_TOKEN");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    @DisplayName("an argument 'slack' does not take is a usage error: exit code 2, the problem and the usage on stderr")
    void unknownArgument() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = SlackMain.run(new String[] {"--port", "3000"}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option").contains("'--port'").contains("Usage: ./dispatcher slack");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    @DisplayName("an app token selects Socket Mode: a SocketModeApp is built for the Bolt app, without connecting")
    void socketModeWiring() throws Exception {
        // GIVEN Socket Mode settings and a core
        Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-test-not-a-token", "SLACK_APP_TOKEN", "xapp-test-not-a-token",
                "DISPATCHER_DB_URL", "jdbc:sqlite:" + dataDir.resolve("t.db"),
                "DISPATCHER_HOME", System.getProperty("dispatcher.root", "../"));
        SlackSettings settings = SlackSettings.fromEnvironment(env);
        try (BotCore core = BotCore.start(CoreSettings.fromEnvironment(env)); SlackBot bot = SlackBot.create(settings, core)) {

            // WHEN the connection is chosen
            SlackConnection connection = SlackConnection.of(settings, bot.app());

            // THEN it is Socket Mode around this very app, and nothing has been started
            assertThat(connection).isInstanceOf(SocketModeConnection.class);
            assertThat(((SocketModeConnection) connection).socketModeApp().getApp()).isSameAs(bot.app());
            assertThat(bot.app().status()).isEqualTo(App.Status.Stopped);
        }
    }
}
