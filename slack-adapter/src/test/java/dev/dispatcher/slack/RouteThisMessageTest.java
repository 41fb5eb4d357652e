package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the 'Route this message' message shortcut")
class RouteThisMessageTest extends EndToEndTest {

    private static final String MESSAGE_TS = "1700000300.000100";

    @Test
    @DisplayName("routes the message's text and answers in that message's thread; the person who used it is told privately")
    void answersInTheMessagesThread() throws Exception {
        // WHEN Alice uses the shortcut on Bob's message
        SlackRequests.Answer ack = bot.slack().shortcut(ALICE, CHANNEL, MESSAGE_TS, null, "the users table needs an index on email",
                null, slackApi.responseUrl("s1"));

        // THEN
        assertThat(ack.status()).isEqualTo(200);
        FakeSlackApi.Call answer = slackApi.awaitMessages(1).get(0);
        assertThat(answer.param("thread_ts")).isEqualTo(MESSAGE_TS);
        assertThat(answer.param("text")).contains("Routing to: database-architect", "the users table needs an index on email");
        FakeSlackApi.Call pointer = slackApi.awaitResponse();
        assertThat(pointer.param("response_type")).isEqualTo("ephemeral");
        assertThat(pointer.param("text")).contains("Database Architect", "thread");
    }

    @Test
    @DisplayName("a message inside a thread is answered in that thread, on its parent")
    void messageInAThread() throws Exception {
        // WHEN
        bot.slack().shortcut(ALICE, CHANNEL, MESSAGE_TS, "1700000100.000100", "Fix JWT token expiration", null, slackApi.responseUrl("s2"));

        // THEN
        assertThat(slackApi.awaitMessages(1).get(0).param("thread_ts")).isEqualTo("1700000100.000100");
    }

    @Test
    @DisplayName("the misroute reaction on its answer asks in the thread who should have had it, as on a /route answer")
    void misrouteWorksOnIt() throws Exception {
        // GIVEN
        bot.slack().shortcut(ALICE, CHANNEL, MESSAGE_TS, null, "Fix JWT token expiration", null, slackApi.responseUrl("s3"));
        FakeSlackApi.Call answer = slackApi.awaitMessages(1).get(0);
        bot.awaitIdle();

        // WHEN Bob flags it
        bot.slack().event("Ev0SHORTFLAG", SlackRequests.reaction("reaction_added", BOB, "x", CHANNEL, answer.ts()));

        // THEN
        FakeSlackApi.Call question = slackApi.awaitMessages(2).get(1);
        assertThat(question.param("thread_ts")).isEqualTo(MESSAGE_TS);
        assertThat(question.param("text")).contains("Who should have had it?");
    }

    @Test
    @DisplayName("a bot's message, or one with only a file, gets a short private explanation and nothing is posted")
    void nothingToRoute() throws Exception {
        // WHEN
        bot.slack().shortcut(ALICE, CHANNEL, MESSAGE_TS, null, "Deploy finished", "B0CI", slackApi.responseUrl("s4"));
        bot.awaitIdle();
        bot.slack().shortcut(ALICE, CHANNEL, "1700000400.000100", null, "", null, slackApi.responseUrl("s5"));
        bot.awaitIdle();

        // THEN
        assertThat(slackApi.messages()).isEmpty();
        assertThat(slackApi.calls(FakeSlackApi.RESPONSE_URL)).extracting(c -> c.param("text"))
                .containsExactly("I only route messages people wrote; that one is from a bot.",
                        "That message has no text to route (only a file?). Use /route with the task instead.");
    }
}
