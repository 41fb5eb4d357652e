package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dispatcher.testkit.ReadyBot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ./dispatcher slack says when the Slack Web API cannot be used at start-up: what failed, naming the variable. */
@DisplayName("Start-up against a Slack Web API that fails")
class SlackApiCheckTest {

    private static final String TOKEN = "xoxb-test-not-a-token";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Map<String, String> env(String apiUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", TOKEN);
        env.put("SLACK_SIGNING_SECRET", "test-signing-secret-not-real");
        env.put("SLACK_API_URL", apiUrl);
        env.put("DISPATCHER_ADMIN_PORT", "0");
        env.put("DISPATCHER_HOME", System.getProperty("dispatcher.root", "../"));
        env.put("DISPATCHER_DB_URL", "jdbc:sqlite:" + dir.resolve("t.db"));
        return env;
    }

    private int start(String apiUrl) {
        return SlackMain.run(env(apiUrl), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String message() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a malformed SLACK_API_URL is a bad setting: exit 2, naming the variable")
    void malformedUrl() {
        for (String malformed : new String[] {"http://", "https:/slack.com/api/", "http://exa mple.com/api/", "slack.com/api"}) {
            err.reset();
            assertThat(start(malformed)).as(malformed).isEqualTo(2);
            assertThat(message()).as(malformed).contains("SLACK_API_URL must be an http(s) URL with a host")
                    .doesNotContain("SLACK_BOT_TOKEN").hasLineCount(1);
        }
    }

    @Test
    @DisplayName("an unreachable SLACK_API_URL says so, naming the URL and the variable: exit 1, the token is not blamed")
    void unreachable() throws Exception {
        int closedPort = ReadyBot.freePort();
        String url = "http://127.0.0.1:" + closedPort + "/api/";

        assertThat(start(url)).isEqualTo(1);
        assertThat(message().strip()).isEqualTo("dispatcher slack: cannot reach the Slack Web API at " + url
                + " (SLACK_API_URL): connection refused");
    }

    @Test
    @DisplayName("a Web API answering HTTP 500 is reported with the status: exit 1")
    void serverError() throws Exception {
        try (FakeSlackApi slack = FakeSlackApi.start()) {
            slack.serverErrorNext("auth.test");

            assertThat(start(slack.apiUrl())).isEqualTo(1);
            assertThat(message().strip()).isEqualTo("dispatcher slack: the Slack Web API at " + slack.apiUrl()
                    + " (SLACK_API_URL) answered HTTP 500 to auth.test; try again later");
        }
    }

    @Test
    @DisplayName("a Web API that does not answer is reported as a timeout")
    void hangs() throws Exception {
        try (FakeSlackApi slack = FakeSlackApi.start()) {
            slack.delayNext("auth.test", Duration.ofSeconds(5));
            SlackSettings settings = SlackSettings.fromEnvironment(env(slack.apiUrl()));

            assertThatThrownBy(() -> new SlackApiCheck(Duration.ofMillis(500)).check(settings))
                    .isInstanceOfSatisfying(SlackApiCheck.StartFailure.class, e -> assertThat(e.exitStatus()).isEqualTo(1))
                    .hasMessage("cannot reach the Slack Web API at " + slack.apiUrl() + " (SLACK_API_URL): no answer to"
                            + " auth.test within 0.5 s");
        }
    }

    @Test
    @DisplayName("only a token Slack refuses is reported as a refused SLACK_BOT_TOKEN: exit 2, the token not printed")
    void refusedToken() throws Exception {
        try (FakeSlackApi slack = FakeSlackApi.start()) {
            slack.failNext("auth.test", "invalid_auth");

            assertThat(start(slack.apiUrl())).isEqualTo(2);
            assertThat(message()).contains("Slack refused SLACK_BOT_TOKEN (auth.test: invalid_auth)").doesNotContain(TOKEN)
                    .hasLineCount(1);
        }
    }

    @Test
    @DisplayName("teachers named as a Slack user group need the token's usergroups:read scope: without it, exit 2 naming it")
    void userGroupTeachersNeedTheScope() throws Exception {
        try (FakeSlackApi slack = FakeSlackApi.start()) {
            slack.grantScopes("commands,chat:write,reactions:read,app_mentions:read");
            Map<String, String> env = env(slack.apiUrl());
            env.put("DISPATCHER_TEACHERS", "S0LEADS,U0ALICE");

            assertThat(SlackMain.run(env, new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
            assertThat(message()).contains("DISPATCHER_TEACHERS names the Slack user group S0LEADS, but SLACK_BOT_TOKEN"
                    + " lacks the scope usergroups:read").doesNotContain(TOKEN).hasLineCount(1);
        }
    }

    @Test
    @DisplayName("a token with usergroups:read passes the scope check for user-group teachers")
    void userGroupTeachersWithTheScopePass() throws Exception {
        try (FakeSlackApi slack = FakeSlackApi.start()) {
            slack.grantScopes("commands,chat:write, usergroups:read");
            Map<String, String> env = env(slack.apiUrl());
            env.put("DISPATCHER_TEACHERS", "S0LEADS");
            SlackSettings settings = SlackSettings.fromEnvironment(env);

            new SlackApiCheck(Duration.ofSeconds(5)).check(settings, List.of("S0LEADS"));

            assertThat(slack.count("auth.test")).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("teachers who are only users need no usergroups:read")
    void userTeachersNeedNoGroupScope() throws Exception {
        try (FakeSlackApi slack = FakeSlackApi.start()) {
            slack.grantScopes("commands,chat:write");
            SlackSettings settings = SlackSettings.fromEnvironment(env(slack.apiUrl()));

            new SlackApiCheck(Duration.ofSeconds(5)).check(settings, List.of());

            assertThat(slack.count("auth.test")).isEqualTo(1);
        }
    }
}
