package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("@dispatcher mentions")
class MentionTest extends EndToEndTest {

    private static final String BOT = "<@" + FakeSlackApi.BOT_USER + ">";

    @Test
    @DisplayName("a mention at the top of a channel is answered in a new thread under it")
    void topLevelMentionGetsThread() throws Exception {
        // GIVEN Alice mentions the bot in the channel, outside any thread
        bot.slack().event("Ev0TOP", SlackRequests.mention(ALICE, CHANNEL, "1700000100.000100", null, BOT + " Fix JWT token expiration"));

        // THEN the answer is threaded on her message
        FakeSlackApi.Call answer = slackApi.awaitMessages(1).get(0);
        assertThat(answer.param("channel")).isEqualTo(CHANNEL);
        assertThat(answer.param("thread_ts")).isEqualTo("1700000100.000100");
        assertThat(answer.param("text")).contains("Routing to: auth-system-architect");
    }

    @Test
    @DisplayName("a mention inside a thread is answered in that same thread, on its parent")
    void mentionInThreadStaysInThread() throws Exception {
        // GIVEN Alice mentions the bot in a reply of an existing thread
        bot.slack().event("Ev0THREAD", SlackRequests.mention(ALICE, CHANNEL, "1700000200.000200", "1700000100.000100",
                BOT + " the entities endpoint returns 404"));

        // THEN the answer goes to the thread's parent, not to her reply
        FakeSlackApi.Call answer = slackApi.awaitMessages(1).get(0);
        assertThat(answer.param("thread_ts")).isEqualTo("1700000100.000100");
    }

    @Test
    @DisplayName("the bot's own mention is removed from the task")
    void botMentionStripped() throws Exception {
        // WHEN Alice writes the mention around her task, also in its <@U|name> form
        bot.slack().event("Ev0STRIP", SlackRequests.mention(ALICE, CHANNEL, "1700000100.000100", null,
                BOT + " Fix JWT token expiration <@" + FakeSlackApi.BOT_USER + "|dispatcher>"));

        // THEN the task in the prompt is only her words
        FakeSlackApi.Call answer = slackApi.awaitMessages(1).get(0);
        assertThat(answer.param("text")).contains("ORIGINAL TASK: Fix JWT token expiration\n").doesNotContain(FakeSlackApi.BOT_USER);
    }

    @Test
    @DisplayName("a mention without a task gets the usage in its thread")
    void emptyMentionGetsHelp() throws Exception {
        // WHEN Alice only mentions the bot
        bot.slack().event("Ev0EMPTY", SlackRequests.mention(ALICE, CHANNEL, "1700000100.000100", null, BOT + "  "));

        // THEN the usage is posted in the thread of her message, and nothing is routed
        FakeSlackApi.Call answer = slackApi.awaitMessages(1).get(0);
        assertThat(answer.param("thread_ts")).isEqualTo("1700000100.000100");
        assertThat(answer.param("text")).contains("/route Fix JWT token expiration");
        assertThat(bot.core().stats().window("all", null).routed()).isZero();
    }

    @Test
    @DisplayName("Slack's retry of an event (X-Slack-Retry-Num, same event_id) gets no second answer")
    void retriedEventAnsweredOnce() throws Exception {
        // GIVEN a mention was answered
        var mention = SlackRequests.mention(ALICE, CHANNEL, "1700000100.000100", null, BOT + " Fix JWT token expiration");
        bot.slack().event("Ev0RETRY", mention);
        slackApi.awaitMessages(1);

        // WHEN Slack delivers it again as retry 1 and retry 2
        SlackRequests.Answer first = bot.slack().event("Ev0RETRY", mention, 1);
        SlackRequests.Answer second = bot.slack().event("Ev0RETRY", mention, 2);

        // THEN the retries are acknowledged, and there is still exactly one answer
        assertThat(List.of(first.status(), second.status())).containsOnly(200);
        bot.awaitIdle();
        assertThat(slackApi.messages()).hasSize(1);
    }

    @Test
    @DisplayName("an event delivered again after a restart of the bot on the same database gets no second answer")
    void duplicateAfterRestart() throws Exception {
        // GIVEN a mention was answered, and the bot restarted on the same database
        var mention = SlackRequests.mention(ALICE, CHANNEL, "1700000100.000100", null, BOT + " Fix JWT token expiration");
        bot.slack().event("Ev0RESTART", mention);
        slackApi.awaitMessages(1);
        bot = bot.restart();

        // WHEN Slack delivers the same event id again
        SlackRequests.Answer again = bot.slack().event("Ev0RESTART", mention, 1);

        // THEN it is acknowledged and not answered again
        assertThat(again.status()).isEqualTo(200);
        bot.awaitIdle();
        assertThat(slackApi.messages()).hasSize(1);
    }
}
