package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("/route")
class RouteCommandTest extends EndToEndTest {

    @Test
    @DisplayName("'/route <task>' posts a visible top-level message naming who asked, the task and the specialist")
    void announcesAtTopLevel() throws Exception {
        // GIVEN the bot is in the channel
        // WHEN Alice routes a task
        Routed routed = route("Fix JWT token expiration");

        // THEN the first message is top-level, mentions Alice, quotes the task and names the specialist
        assertThat(routed.announcement().param("channel")).isEqualTo(CHANNEL);
        assertThat(routed.announcement().param("thread_ts")).isNull();
        assertThat(routed.announcement().param("text"))
                .contains("<@" + ALICE + ">")
                .contains("Fix JWT token expiration")
                .contains("auth-system-architect")
                .contains("react with :x: on the analysis");
    }

    @Test
    @DisplayName("'/route <task>' puts the analysis, knowledge-base link and prompt in the announcement's thread, as blocks with a text fallback")
    void analysisInThread() throws Exception {
        // GIVEN the bot is in the channel
        // WHEN Alice routes a task
        Routed routed = route("Fix JWT token expiration");

        // THEN the second message is threaded on the announcement and carries Block Kit and a fallback text
        FakeSlackApi.Call analysis = routed.analysis();
        assertThat(analysis.param("thread_ts")).isEqualTo(routed.announcement().ts());
        assertThat(analysis.param("blocks"))
                .contains("\"type\":\"header\"")
                .contains("Routing analysis")
                .contains("Routing to:* auth-system-architect")
                .contains("Knowledge base:*")
                .contains("authentication.md")
                .contains("```");
        assertThat(analysis.param("text"))
                .startsWith("🎯 ROUTING ANALYSIS:")
                .contains("Routing to: auth-system-architect")
                .contains("🤖 ACTIVATING SPECIALIST:")
                .contains("ORIGINAL TASK: Fix JWT token expiration");
    }

    @Test
    @DisplayName("'/route <task>' is acknowledged within 3 s even when the Web API is slow")
    void acknowledgesBeforeWorking() throws Exception {
        // GIVEN a Slack that takes 4 s to accept a message
        slackApi.delayNext("chat.postMessage", Duration.ofSeconds(4));

        // WHEN Alice routes a task
        SlackRequests.Answer answer = bot.slack().route("Fix JWT token expiration", ALICE, CHANNEL, slackApi.responseUrl("slow"));

        // THEN Slack got its acknowledgement at once, and the answer still arrives later
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.took()).isLessThan(Duration.ofSeconds(3));
        assertThat(slackApi.awaitMessages(2)).hasSize(2);
    }

    @Test
    @DisplayName("'/route' alone shows the usage privately and posts nothing")
    void usageWhenEmpty() throws Exception {
        // WHEN Alice types /route with no task
        SlackRequests.Answer answer = bot.slack().route("", ALICE, CHANNEL, slackApi.responseUrl("empty"));

        // THEN the acknowledgement itself carries the usage, only for her
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"response_type\":\"ephemeral\"").contains("/route Fix JWT token expiration");
        bot.awaitIdle();
        assertThat(postsAndAnswers()).isEmpty();
    }

    @Test
    @DisplayName("'/route help' shows the usage privately")
    void usageOnHelp() throws Exception {
        // WHEN Alice asks for help
        SlackRequests.Answer answer = bot.slack().route("help", ALICE, CHANNEL, slackApi.responseUrl("help"));

        // THEN she alone sees the usage, and nothing is posted
        assertThat(answer.body()).contains("\"response_type\":\"ephemeral\"").contains("/route stats");
        bot.awaitIdle();
        assertThat(slackApi.messages()).isEmpty();
    }

    @Test
    @DisplayName("'/route stats' answers with the routing statistics privately through the response_url")
    void statsPrivately() throws Exception {
        // GIVEN one routed task
        route("Fix JWT token expiration");

        // WHEN Alice asks for the statistics
        bot.slack().route("stats", ALICE, CHANNEL, slackApi.responseUrl("stats"));

        // THEN they arrive privately, counting the routed task
        FakeSlackApi.Call response = slackApi.awaitResponse();
        assertThat(response.param("response_type")).isEqualTo("ephemeral");
        assertThat(response.param("text")).contains("ROUTING STATISTICS").contains("all time: 1 routed");
    }

    @Test
    @DisplayName("the same slash command delivered twice (same trigger_id) is answered once")
    void sameTriggerOnce() throws Exception {
        // GIVEN Alice's /route was answered
        bot.slack().route("Fix JWT token expiration", ALICE, CHANNEL, slackApi.responseUrl("t"), "trigger-same");
        slackApi.awaitMessages(2);

        // WHEN the very same request arrives again
        SlackRequests.Answer again = bot.slack().route("Fix JWT token expiration", ALICE, CHANNEL, slackApi.responseUrl("t"), "trigger-same");

        // THEN it is acknowledged but not answered a second time
        assertThat(again.status()).isEqualTo(200);
        bot.awaitIdle();
        assertThat(slackApi.messages()).hasSize(2);
    }

    @Test
    @DisplayName("when the bot is not in the channel, the user is told privately how to invite it")
    void notInChannel() throws Exception {
        // GIVEN Slack refuses posts in this channel
        slackApi.failNext("chat.postMessage", "not_in_channel");

        // WHEN Alice routes a task there
        bot.slack().route("Fix JWT token expiration", ALICE, CHANNEL, slackApi.responseUrl("invite"));

        // THEN she alone learns how to invite the bot, and nothing else is attempted
        FakeSlackApi.Call response = slackApi.awaitResponse();
        assertThat(response.param("response_type")).isEqualTo("ephemeral");
        assertThat(response.param("text")).contains("/invite @dispatcher");
        bot.awaitIdle();
        assertThat(slackApi.calls("chat.postMessage")).hasSize(1);
    }
}
