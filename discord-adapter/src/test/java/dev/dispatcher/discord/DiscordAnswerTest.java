package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.testkit.FakeOpenAi;
import java.time.Duration;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.TimeUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The real JDA client against the fake Discord, with a model on loopback behind LangChain4j's real client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The specialist's answer arrives in the Discord thread")
class DiscordAnswerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long PERMISSIONS = DiscordBotUnderTest.PERMISSIONS;

    private FakeOpenAi provider;
    private DiscordBotUnderTest bot;
    private FakeDiscordRest rest;
    private FakeDiscordGateway gateway;
    private BotCore core;
    // Half the snowflake's low 22 bits away from the fake REST's own ids, which start at the same moment: a message id of
    // the test's never equals a thread or message id the fake gave out.
    private final AtomicLong ids = new AtomicLong(TimeUtil.getDiscordTimestamp(System.currentTimeMillis()) + (1L << 21));

    @BeforeAll
    void connect() throws Exception {
        provider = new FakeOpenAi();
        bot = DiscordBotUnderTest.start("discord-answers", Map.of("DISPATCHER_ANSWER_CHANNELS", "",
                "DISPATCHER_LLM_PROVIDER", "openai", "DISPATCHER_LLM_BASE_URL", provider.baseUrl(),
                "DISPATCHER_LLM_API_KEY", "test-key", "DISPATCHER_LLM_MODEL", "fake-model"));
        rest = bot.rest();
        gateway = bot.gateway();
        core = bot.core();
        JDA shard = bot.shards().getShardById(0);
        Await.until("JDA connected to the fake gateway", () -> shard.getStatus() == JDA.Status.CONNECTED, WAIT);
    }

    @AfterAll
    void disconnect() throws Exception {
        bot.close();
        provider.close();
    }

    private String id() {
        return Long.toString(ids.incrementAndGet());
    }

    @Test
    @DisplayName("/route: 'is answering…' in the thread on the analysis, edited into the answer with its links; nothing can ping")
    void streamedAnswerInTheThread() throws Exception {
        // GIVEN a model whose answer tries to ping everyone
        provider.answering("Rotate the refresh token on every use [1]. @everyone <@4000> <@&5000> <#3000>\n\n```python\nrevoke_token(old)\n```");
        String interaction = id();

        // WHEN
        gateway.dispatch("INTERACTION_CREATE", DiscordJson.routeCommand(interaction, "Fix JWT token expiration", PERMISSIONS));

        // THEN the placeholder goes into the thread started on the analysis
        String analysisId = rest.await("the analysis",
                r -> r.is("PATCH", ".*/interaction-token-" + interaction + "/messages/@original"), WAIT).response().getString("id");
        String threadId = rest.await("the thread on the analysis",
                r -> r.is("POST", "/channels/\\d+/messages/" + analysisId + "/threads"), WAIT).response().getString("id");
        FakeDiscordRest.Request placeholder = rest.await("the placeholder in the thread",
                r -> r.is("POST", "/channels/" + threadId + "/messages") && r.body().getString("content", "").contains("is answering…"), WAIT);
        assertThat(placeholder.body().getString("content")).isEqualTo("**🤖 auth-system-architect is answering…**");
        String placeholderId = placeholder.response().getString("id");

        // AND it is edited into the finished answer
        FakeDiscordRest.Request done = rest.await("the finished answer",
                r -> r.is("PATCH", "/channels/" + threadId + "/messages/" + placeholderId)
                        && r.body().getString("content", "").contains("answered**"), WAIT);
        String content = done.body().getString("content");
        assertThat(content).contains("Rotate the refresh token on every use [1].").contains("```python\nrevoke_token(old)\n```")
                .contains("📚 ").contains("authentication.md");
        assertThat(content).doesNotContain("@everyone").doesNotContain("<@4000>").doesNotContain("<@&5000>").doesNotContain("<#3000>");
        assertThat(done.body().getObject("allowed_mentions").getArray("parse").isEmpty()).isTrue();
        assertThat(provider.requests().toString()).doesNotContain("fake.test.token").doesNotContain("test-key");
    }

    @Test
    @DisplayName("👍 on the answer is recorded as helpful")
    void thumbsUp() throws Exception {
        String interaction = id();
        gateway.dispatch("INTERACTION_CREATE", DiscordJson.routeCommand(interaction, "Tune slow postgres queries", PERMISSIONS));
        String analysisId = rest.await("the analysis",
                r -> r.is("PATCH", ".*/interaction-token-" + interaction + "/messages/@original"), WAIT).response().getString("id");
        String threadId = rest.await("the thread on the analysis",
                r -> r.is("POST", "/channels/\\d+/messages/" + analysisId + "/threads"), WAIT).response().getString("id");
        String placeholderId = rest.await("the placeholder", r -> r.is("POST", "/channels/" + threadId + "/messages")
                && r.body().getString("content", "").contains("is answering…"), WAIT).response().getString("id");
        rest.await("the finished answer", r -> r.is("PATCH", "/channels/" + threadId + "/messages/" + placeholderId)
                && r.body().getString("content", "").contains("answered**"), WAIT);
        awaitRecorded(threadId, placeholderId);

        gateway.dispatch("MESSAGE_REACTION_ADD", DiscordJson.reactionAdd(placeholderId, "👍").put("channel_id", threadId));

        Await.until("the vote is recorded", () -> helpful("database-architect") == 1, WAIT);
    }

    private long helpful(String specialist) {
        return core.answerStats().bySpecialist(Duration.ofDays(1)).stream().filter(r -> r.name().equals(specialist))
                .mapToLong(dev.dispatcher.answer.AnswerStats.Row::helpful).sum();
    }

    private void awaitRecorded(String threadId, String messageId) throws InterruptedException {
        dev.dispatcher.dispatch.ConversationRef ref = new dev.dispatcher.dispatch.ConversationRef("discord", threadId, threadId, messageId);
        Await.until("the answer is recorded", () -> core.answerLog().find(ref).isPresent(), WAIT);
    }

}
