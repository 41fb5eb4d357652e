package dev.dispatcher.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** What every end-to-end test starts with: a fake Slack, the real bot on its own database, and some people. */
abstract class EndToEndTest {

    static final String CHANNEL = "C0BACKEND";
    static final String ALICE = "U0ALICE";
    static final String BOB = "U0BOB";

    @TempDir
    Path dataDir;

    FakeSlackApi slackApi;
    BotUnderTest bot;

    @BeforeEach
    void startBot() throws Exception {
        slackApi = FakeSlackApi.start();
        bot = BotUnderTest.start(slackApi, dataDir);
    }

    @AfterEach
    void stopBot() {
        if (bot != null) {
            bot.close();
        }
        slackApi.close();
    }

    /** A {@code /route} that was answered: the top-level announcement and the analysis in its thread. */
    record Routed(FakeSlackApi.Call announcement, FakeSlackApi.Call analysis) {}

    /** Alice runs {@code /route task}; waits for both messages and for the decision to be attached to the analysis. */
    Routed route(String task) throws Exception {
        int before = slackApi.messages().size();
        SlackRequests.Answer answer = bot.slack().route(task, ALICE, CHANNEL, slackApi.responseUrl("r" + before));
        assertThat(answer.status()).isEqualTo(200);
        List<FakeSlackApi.Call> messages = slackApi.awaitMessages(before + 2);
        bot.awaitIdle();
        return new Routed(messages.get(before), messages.get(before + 1));
    }

    /** The calls that posted or answered something, leaving out start-up's {@code auth.test}. */
    List<FakeSlackApi.Call> postsAndAnswers() {
        return slackApi.calls().stream().filter(c -> !c.method().equals("auth.test")).toList();
    }
}
