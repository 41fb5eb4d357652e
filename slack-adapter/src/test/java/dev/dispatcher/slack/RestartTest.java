package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SIGTERM and restart of a real SlackMain process")
class RestartTest {

    private static final int COMMANDS = 12;
    private static final int SIGTERM_EXIT = 143;
    private static final String SECRET = "restart-test-signing-secret";

    @TempDir
    Path dir;

    private FakeSlackApi slackApi;
    private String databaseUrl;

    @BeforeEach
    void startSlack() throws Exception {
        slackApi = FakeSlackApi.start();
        databaseUrl = "jdbc:sqlite:" + dir.resolve("bot.db");
    }

    @AfterEach
    void stopSlack() {
        slackApi.close();
    }

    private SlackMainProcess startBot(String run) throws Exception {
        return SlackMainProcess.start(slackApi, databaseUrl, BotUnderTest.BOT_TOKEN, SECRET, Map.of(), dir.resolve(run + ".log"));
    }

    /** Sends {@code COMMANDS} signed /route commands and checks that each was acknowledged. */
    private static List<String> routeAll(SlackMainProcess bot, FakeSlackApi slackApi) throws Exception {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < COMMANDS; i++) {
            String task = "Fix JWT token expiration, case " + i;
            assertThat(bot.slack().route(task, "U0ALICE", "C0BACKEND", slackApi.responseUrl("r" + i), "trigger-restart-" + i).status())
                    .as("acknowledgement of command %d", i).isEqualTo(200);
            tasks.add(task);
        }
        return tasks;
    }

    @Test
    @DisplayName("SIGTERM right after the acknowledgements loses no command: each is answered and its decision stored")
    void noAcknowledgedCommandLost() throws Exception {
        // GIVEN a Slack that takes half a second per message, and a bot that acknowledged 12 commands just now
        slackApi.slowDown("chat.postMessage", Duration.ofMillis(500));
        List<String> tasks;
        int exit;
        try (SlackMainProcess bot = startBot("first")) {
            tasks = routeAll(bot, slackApi);

            // WHEN it gets SIGTERM before it could answer them
            assertThat(slackApi.messages()).hasSizeLessThan(2 * COMMANDS);
            exit = bot.terminate();
        }

        // THEN it exited by itself after answering every command (announcement and analysis) and storing every decision
        assertThat(exit).isEqualTo(SIGTERM_EXIT);
        assertThat(slackApi.messages()).hasSize(2 * COMMANDS);
        assertThat(slackApi.messages()).filteredOn(m -> m.param("thread_ts") == null).hasSize(COMMANDS);
        assertThat(storedDecisions()).containsOnlyKeys(tasks).doesNotContainValue(null);
    }

    @Test
    @DisplayName("after a restart on the same database the bot answers new commands, and not a command it answered before")
    void worksAfterRestart() throws Exception {
        // GIVEN a bot that answered one command and was stopped with SIGTERM
        try (SlackMainProcess bot = startBot("first")) {
            bot.slack().route("Fix JWT token expiration", "U0ALICE", "C0BACKEND", slackApi.responseUrl("a"), "trigger-before");
            slackApi.awaitMessages(2);
            bot.terminate();
        }

        // WHEN it starts again, Slack redelivers that command, and Bob routes a new one
        try (SlackMainProcess bot = startBot("second")) {
            assertThat(bot.slack().route("Fix JWT token expiration", "U0ALICE", "C0BACKEND", slackApi.responseUrl("a"), "trigger-before").status())
                    .isEqualTo(200);
            assertThat(bot.slack().route("Tune slow postgres queries", "U0BOB", "C0BACKEND", slackApi.responseUrl("b"), "trigger-after").status())
                    .isEqualTo(200);

            // THEN the new command is answered, the redelivered one is not answered twice, and the bot reports ready
            List<FakeSlackApi.Call> messages = slackApi.awaitMessages(4);
            assertThat(bot.admin().status("/readyz")).isEqualTo(200);
            assertThat(bot.admin().sample("dispatcher_duplicate_events_total", "platform=\"slack\"")).isEqualTo(1);
            assertThat(messages.get(3).param("text")).contains("Routing to: database-architect");
            bot.terminate();
        }
        assertThat(slackApi.messages()).hasSize(4);
        assertThat(storedDecisions()).hasSize(2);
    }

    /** Task text → the message key its answer is attached to, read straight from the SQLite file. */
    private Map<String, String> storedDecisions() throws Exception {
        Map<String, String> decisions = new HashMap<>();
        try (Connection c = DriverManager.getConnection(databaseUrl); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT task_text, reply_ref FROM decisions")) {
            while (rows.next()) {
                decisions.put(rows.getString(1), rows.getString(2));
            }
        }
        return decisions;
    }
}
