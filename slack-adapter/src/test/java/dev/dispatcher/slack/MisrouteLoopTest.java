package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.feedback.RoutingStats;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("misroute reactions and corrections")
class MisrouteLoopTest extends EndToEndTest {

    private int events;

    private SlackRequests.Answer react(String type, String user, String emoji, String messageTs) throws Exception {
        return bot.slack().event("Ev0REACT" + (++events), SlackRequests.reaction(type, user, emoji, CHANNEL, messageTs));
    }

    private RoutingStats.Window allTime() {
        return bot.core().stats().window("all time", null);
    }

    @Test
    @DisplayName(":x: on the analysis asks in the thread who should have had it, offering the other specialists")
    void flagAsksInThread() throws Exception {
        // GIVEN a routed task
        Routed routed = route("Fix JWT token expiration");

        // WHEN Bob reacts with :x: on the analysis
        react("reaction_added", BOB, "x", routed.analysis().ts());

        // THEN a question appears in the same thread, with a menu of the seven other specialists
        FakeSlackApi.Call question = slackApi.awaitMessages(3).get(2);
        assertThat(question.param("thread_ts")).isEqualTo(routed.announcement().ts());
        assertThat(question.param("text")).contains("<@" + BOB + ">").contains("Who should have had it?");
        List<String> options = BlockJson.optionValues(question.param("blocks"));
        assertThat(options).hasSize(7).noneMatch(v -> v.endsWith(" auth-system-architect"));
        assertThat(allTime().flags()).isEqualTo(1);
    }

    @Test
    @DisplayName("choosing a specialist records the correction, confirms it in the thread, and the stats show it")
    void choiceCorrectsAndCounts() throws Exception {
        // GIVEN a flagged task and its question
        Routed routed = route("Fix JWT token expiration");
        react("reaction_added", BOB, "x", routed.analysis().ts());
        FakeSlackApi.Call question = slackApi.awaitMessages(3).get(2);
        String databaseChoice = BlockJson.optionValues(question.param("blocks")).stream()
                .filter(v -> v.endsWith(" database-architect")).findFirst().orElseThrow();

        // WHEN Bob chooses the database architect in the menu
        bot.slack().choose(BOB, CHANNEL, question.ts(), routed.announcement().ts(), databaseChoice);

        // THEN the thread gets a confirmation, and /route stats counts the correction
        FakeSlackApi.Call confirmation = slackApi.awaitMessages(4).get(3);
        assertThat(confirmation.param("thread_ts")).isEqualTo(routed.announcement().ts());
        assertThat(confirmation.param("text")).contains("<@" + BOB + ">").contains("database-architect").contains("Fix JWT token expiration");
        bot.slack().route("stats", ALICE, CHANNEL, slackApi.responseUrl("stats"));
        assertThat(slackApi.awaitResponse().param("text"))
                .contains("all time: 1 routed, 1 flagged (1 flags), 1 corrected")
                .contains("auth-system-architect → database-architect: 1");
    }

    @Test
    @DisplayName(":x: on the /route announcement counts for the analysis in its thread")
    void flagOnAnnouncement() throws Exception {
        // GIVEN a routed task
        Routed routed = route("Fix JWT token expiration");

        // WHEN Bob reacts on the top-level announcement instead of the analysis
        react("reaction_added", BOB, "x", routed.announcement().ts());

        // THEN the decision is flagged and the question goes to the announcement's thread
        FakeSlackApi.Call question = slackApi.awaitMessages(3).get(2);
        assertThat(question.param("thread_ts")).isEqualTo(routed.announcement().ts());
        assertThat(allTime().flags()).isEqualTo(1);
    }

    @Test
    @DisplayName(":x: on an answer posted before a restart still asks in the right thread")
    void flagAfterRestart() throws Exception {
        // GIVEN a mention answered in a thread, and a restarted bot that remembers nothing in memory
        bot.slack().event("Ev0MENTION", SlackRequests.mention(ALICE, CHANNEL, "1700000100.000100", null,
                "<@" + FakeSlackApi.BOT_USER + "> Fix JWT token expiration"));
        FakeSlackApi.Call answer = slackApi.awaitMessages(1).get(0);
        bot = bot.restart();

        // WHEN Bob flags the answer
        react("reaction_added", BOB, "x", answer.ts());

        // THEN the question is posted on the thread's parent (kept with the decision in the database), not on the answer
        FakeSlackApi.Call question = slackApi.awaitMessages(2).get(1);
        assertThat(question.param("thread_ts")).isEqualTo("1700000100.000100");
    }

    @Test
    @DisplayName("removing the :x: reaction withdraws the flag")
    void removalWithdraws() throws Exception {
        // GIVEN Bob flagged a routed task
        Routed routed = route("Fix JWT token expiration");
        react("reaction_added", BOB, "x", routed.analysis().ts());
        slackApi.awaitMessages(3);
        assertThat(allTime().flags()).isEqualTo(1);

        // WHEN he removes his reaction
        react("reaction_removed", BOB, "x", routed.analysis().ts());
        bot.awaitIdle();

        // THEN the flag is gone, and nothing more is posted
        assertThat(allTime().flags()).isZero();
        assertThat(slackApi.messages()).hasSize(3);
    }

    @Test
    @DisplayName("the bot's own :x: reaction is ignored")
    void botsOwnReactionIgnored() throws Exception {
        // GIVEN a routed task
        Routed routed = route("Fix JWT token expiration");

        // WHEN the bot user itself reacts with :x:
        react("reaction_added", FakeSlackApi.BOT_USER, "x", routed.analysis().ts());
        bot.awaitIdle();

        // THEN nothing is flagged or posted
        assertThat(allTime().flags()).isZero();
        assertThat(slackApi.messages()).hasSize(2);
    }

    @Test
    @DisplayName("another emoji on the analysis is ignored")
    void otherEmojiIgnored() throws Exception {
        // GIVEN a routed task
        Routed routed = route("Fix JWT token expiration");

        // WHEN Bob reacts with :tada:
        react("reaction_added", BOB, "tada", routed.analysis().ts());
        bot.awaitIdle();

        // THEN nothing is flagged or posted
        assertThat(allTime().flags()).isZero();
        assertThat(slackApi.messages()).hasSize(2);
    }

    @Test
    @DisplayName(":x: on a message that is not a routing answer is ignored")
    void otherMessageIgnored() throws Exception {
        // GIVEN a routed task
        route("Fix JWT token expiration");

        // WHEN Bob reacts with :x: on somebody's unrelated message
        react("reaction_added", BOB, "x", "1600000000.000100");
        bot.awaitIdle();

        // THEN nothing is flagged or posted
        assertThat(allTime().flags()).isZero();
        assertThat(slackApi.messages()).hasSize(2);
    }
}
