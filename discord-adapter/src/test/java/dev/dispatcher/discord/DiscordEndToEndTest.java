package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.app.BotCore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.TimeUtil;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real JDA client against a fake Discord on loopback: a gateway websocket that delivers events, and a REST API
 * that records what the bot sends. Proves the wiring, the JSON JDA produces, and the whole /route, mention and
 * misroute loops.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long PERMISSIONS = BotPermissions.raw();

    private DiscordBotUnderTest bot;
    private FakeDiscordRest rest;
    private FakeDiscordGateway gateway;
    private BotCore core;
    private ShardManager shards;
    /** Snowflakes of now: JDA refuses interactions whose id says they are older than 15 minutes. */
    // Half the snowflake's low 22 bits away from the fake REST's own ids, which start at the same moment: a message id of
    // the test's never equals a thread or message id the fake gave out.
    private final AtomicLong ids = new AtomicLong(TimeUtil.getDiscordTimestamp(System.currentTimeMillis()) + (1L << 21));

    @BeforeAll
    void connect() throws Exception {
        bot = DiscordBotUnderTest.start("discord-e2e", Map.of());
        rest = bot.rest();
        gateway = bot.gateway();
        core = bot.core();
        shards = bot.shards();
        awaitConnected(shards.getShardById(0));
    }

    @AfterAll
    void disconnect() throws Exception {
        if (bot != null) {
            bot.close();
        }
    }

    private String id() {
        return Long.toString(ids.incrementAndGet());
    }

    @Test
    @DisplayName("the bot identifies with GUILD_MESSAGES and GUILD_MESSAGE_REACTIONS (plus JDA's GUILDS) and registers /route on its guild")
    void identifiesAndRegisters() throws Exception {
        // WHEN the bot connected (in @BeforeAll)
        DataObject identify = gateway.awaitIdentify(WAIT);
        FakeDiscordRest.Request registration = rest.await("PUT guild commands",
                r -> r.is("PUT", "/applications/" + DiscordJson.BOT_ID + "/guilds/" + DiscordJson.GUILD_ID + "/commands"), WAIT);

        // THEN
        // bit 0 is GUILDS, which JDA always sends (it keeps the guild and channel cache) and has no constant for
        assertThat(identify.getInt("intents"))
                .isEqualTo(1 | GatewayIntent.getRaw(GatewayIntent.GUILD_MESSAGES, GatewayIntent.GUILD_MESSAGE_REACTIONS));
        assertThat(identify.getString("token")).isEqualTo("fake.test.token");
        // without DISCORD_SHARDS the bot asks Discord how many shards to run, and runs them all: here one
        assertThat(rest.requests()).anyMatch(r -> r.is("GET", "/gateway/bot"));
        assertThat(identify.getArray("shard").toList()).containsExactly(0, 1);
        assertThat(DiscordBot.isReady(shards)).as("what /readyz answers").isTrue();
        DataObject command = DataArray.fromJson(registration.raw()).getObject(0);
        assertThat(command.getString("name")).isEqualTo("route");
        DataObject messageCommand = DataArray.fromJson(registration.raw()).getObject(1);
        assertThat(messageCommand.getString("name")).isEqualTo("Route this message");
        assertThat(messageCommand.getInt("type")).isEqualTo(3);
        assertThat(command.getArray("options").getObject(0).getString("name")).isEqualTo("task");
    }

    @Test
    @DisplayName("/route: deferred publicly, the analysis embed through the hook, a thread on it with the prompt, nothing can ping")
    void routeCommand() throws Exception {
        // GIVEN
        String interaction = id();

        // WHEN
        gateway.dispatch("INTERACTION_CREATE", DiscordJson.routeCommand(interaction, "Fix JWT token expiration @everyone", PERMISSIONS));

        // THEN the interaction is acknowledged as "thinking", publicly
        FakeDiscordRest.Request ack = rest.await("the interaction callback",
                r -> r.is("POST", "/interactions/" + interaction + "/.*/callback"), WAIT);
        assertThat(ack.body().getInt("type")).isEqualTo(5);
        assertThat(ack.body().optObject("data").map(d -> d.getInt("flags", 0)).orElse(0) & 64).isZero();

        // AND the placeholder becomes the analysis embed, with mentions off
        FakeDiscordRest.Request analysis = rest.await("the analysis",
                r -> r.is("PATCH", "/webhooks/" + DiscordJson.BOT_ID + "/interaction-token-" + interaction + "/messages/@original"), WAIT);
        DataObject embed = analysis.body().getArray("embeds").getObject(0);
        assertThat(embed.getString("title")).contains("Auth System Architect");
        assertThat(embed.getString("description")).contains("Knowledge base", "authentication.md");
        assertThat(analysis.body().getObject("allowed_mentions").getArray("parse").isEmpty()).isTrue();

        // AND a thread is started on that message, carrying the prompt
        String analysisId = analysis.response().getString("id");
        FakeDiscordRest.Request thread = rest.await("the thread on the analysis",
                r -> r.is("POST", "/channels/" + DiscordJson.CHANNEL_ID + "/messages/" + analysisId + "/threads"), WAIT);
        assertThat(thread.body().getString("name")).startsWith("Auth System Architect: Fix JWT");
        String threadId = thread.response().getString("id");
        FakeDiscordRest.Request prompt = rest.await("the prompt in the thread",
                r -> r.is("POST", "/channels/" + threadId + "/messages"), WAIT);
        assertThat(prompt.body().getString("content")).contains("TASK: Fix JWT token expiration");
        assertThat(prompt.body().getString("content")).doesNotContain("@everyone");
        assertThat(prompt.body().getObject("allowed_mentions").getArray("parse").isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a mention is answered in a thread started on the message: the analysis, then the prompt")
    void mention() throws Exception {
        // GIVEN
        String message = id();

        // WHEN
        gateway.dispatch("MESSAGE_CREATE", DiscordJson.mention(message,
                "<@" + DiscordJson.BOT_ID + "> the entities endpoint returns 404", PERMISSIONS));

        // THEN
        FakeDiscordRest.Request thread = rest.await("a thread on the mention",
                r -> r.is("POST", "/channels/" + DiscordJson.CHANNEL_ID + "/messages/" + message + "/threads"), WAIT);
        String inThread = "/channels/" + thread.response().getString("id") + "/messages";
        FakeDiscordRest.Request answer = rest.await("the analysis in the new thread",
                r -> r.is("POST", inThread) && r.body().optArray("embeds").map(e -> !e.isEmpty()).orElse(false), WAIT);
        assertThat(answer.body().getArray("embeds").getObject(0).getString("description")).contains("entities endpoint");
        assertThat(answer.body().getObject("allowed_mentions").getArray("parse").isEmpty()).isTrue();
        FakeDiscordRest.Request prompt = rest.await("the prompt in the new thread",
                r -> r.is("POST", inThread) && r.body().getString("content", "").contains("```"), WAIT);
        assertThat(prompt.body().getString("content")).contains("TASK: the entities endpoint returns 404");
    }

    @Test
    @DisplayName("❌ on the analysis posts the correction menu, and choosing in it records and confirms the correction")
    void misrouteLoop() throws Exception {
        // GIVEN a /route answer
        String interaction = id();
        gateway.dispatch("INTERACTION_CREATE", DiscordJson.routeCommand(interaction, "Optimize the slow users query", PERMISSIONS));
        String analysisId = rest.await("the analysis",
                r -> r.is("PATCH", ".*/interaction-token-" + interaction + "/messages/@original"), WAIT).response().getString("id");
        // the bot ties the decision to the analysis before it starts the thread, so once the thread is asked for, a
        // reaction finds the decision (a person is never this quick)
        rest.await("the thread on the analysis", r -> r.is("POST", "/channels/\\d+/messages/" + analysisId + "/threads"), WAIT);

        // WHEN someone reacts with ❌
        gateway.dispatch("MESSAGE_REACTION_ADD", DiscordJson.reactionAdd(analysisId, "❌"));

        // THEN a menu of the other specialists is posted in the channel
        FakeDiscordRest.Request menu = rest.await("the correction menu",
                r -> r.is("POST", "/channels/" + DiscordJson.CHANNEL_ID + "/messages")
                        && r.body().optArray("components").map(c -> !c.isEmpty()).orElse(false), WAIT);
        DataObject select = menu.body().getArray("components").getObject(0).getArray("components").getObject(0);
        assertThat(select.getInt("type")).isEqualTo(3);
        assertThat(select.getString("custom_id")).startsWith("misroute:");
        assertThat(menu.body().getObject("allowed_mentions").getArray("parse").isEmpty()).isTrue();

        // WHEN the person picks a specialist the task did not go to
        String other = select.getArray("options").getObject(0).getString("value");
        String choice = id();
        DataObject menuMessage = menu.response();
        gateway.dispatch("INTERACTION_CREATE", DiscordJson.menuChoice(choice, menuMessage, select.getString("custom_id"), other, PERMISSIONS));

        // THEN the choice is acknowledged without changing the menu, and the correction is confirmed in the channel
        FakeDiscordRest.Request acknowledgement = rest.await("the acknowledgement",
                r -> r.is("POST", "/interactions/" + choice + "/.*/callback"), WAIT);
        assertThat(acknowledgement.body().getInt("type")).isEqualTo(6);
        FakeDiscordRest.Request confirmation = rest.await("the confirmation",
                r -> r.is("POST", "/channels/" + DiscordJson.CHANNEL_ID + "/messages")
                        && r.body().getString("content", "").contains("should have gone to"), WAIT);
        assertThat(confirmation.body().getString("content")).contains("1 person says so");
        assertThat(confirmation.body().getObject("allowed_mentions").getArray("parse").isEmpty()).isTrue();
    }

    @Test
    @DisplayName("'Route this message': a public deferred reply, the answer in a thread on that message, the reply saying where")
    void routeThisMessage() throws Exception {
        // GIVEN a person's message
        String target = id();
        DataObject message = DiscordJson.message(target, DiscordJson.CHANNEL_ID, DiscordJson.person(),
                "the users table needs an index on email", DataArray.empty(), DataArray.empty());
        String interaction = id();

        // WHEN someone uses "Route this message" on it
        gateway.dispatch("INTERACTION_CREATE", DiscordJson.messageCommand(interaction, message, PERMISSIONS));

        // THEN the interaction is acknowledged publicly
        FakeDiscordRest.Request ack = rest.await("the interaction callback",
                r -> r.is("POST", "/interactions/" + interaction + "/.*/callback"), WAIT);
        assertThat(ack.body().getInt("type")).isEqualTo(5);
        assertThat(ack.body().optObject("data").map(d -> d.getInt("flags", 0)).orElse(0) & 64).isZero();
        // AND a thread is started on the message, with the analysis and the prompt
        FakeDiscordRest.Request thread = rest.await("the thread on the message",
                r -> r.is("POST", "/channels/" + DiscordJson.CHANNEL_ID + "/messages/" + target + "/threads"), WAIT);
        String threadId = thread.response().getString("id");
        FakeDiscordRest.Request analysis = rest.await("the analysis in the thread",
                r -> r.is("POST", "/channels/" + threadId + "/messages") && !r.body().getArray("embeds").isEmpty(), WAIT);
        assertThat(analysis.body().getArray("embeds").getObject(0).getString("title")).contains("Database Architect");
        rest.await("the prompt in the thread", r -> r.is("POST", "/channels/" + threadId + "/messages")
                && r.body().getString("content", "").contains("TASK: the users table needs an index on email"), WAIT);
        // AND the deferred reply says where the answer is
        FakeDiscordRest.Request pointer = rest.await("the pointer",
                r -> r.is("POST", "/webhooks/" + DiscordJson.BOT_ID + "/interaction-token-" + interaction), WAIT);
        assertThat(pointer.body().getString("content")).contains("Database Architect", "thread");
    }

    @Test
    @DisplayName("'Route this message' on a bot's message gets a short private explanation, and nothing is routed")
    void routeThisMessageFromABot() throws Exception {
        // GIVEN
        String target = id();
        DataObject message = DiscordJson.message(target, DiscordJson.CHANNEL_ID, DiscordJson.botUser(), "Deployed build 42",
                DataArray.empty(), DataArray.empty());
        String interaction = id();

        // WHEN
        gateway.dispatch("INTERACTION_CREATE", DiscordJson.messageCommand(interaction, message, PERMISSIONS));

        // THEN
        FakeDiscordRest.Request ack = rest.await("the interaction callback",
                r -> r.is("POST", "/interactions/" + interaction + "/.*/callback"), WAIT);
        assertThat(ack.body().getObject("data").getInt("flags") & 64).as("ephemeral").isEqualTo(64);
        FakeDiscordRest.Request explanation = rest.await("the explanation",
                r -> r.is("POST", "/webhooks/" + DiscordJson.BOT_ID + "/interaction-token-" + interaction), WAIT);
        assertThat(explanation.body().getString("content")).contains("from a bot");
        assertThat(explanation.body().getInt("flags") & 64).isEqualTo(64);
        assertThat(rest.requests()).noneMatch(r -> r.path().contains("/messages/" + target + "/threads"));
    }

    @Test
    @DisplayName("an INTERACTION_CREATE the gateway delivers twice is answered once")
    void replayedInteraction() throws Exception {
        // GIVEN
        String interaction = id();
        DataObject event = DiscordJson.routeCommand(interaction, "Add a health check endpoint", PERMISSIONS);
        gateway.dispatch("INTERACTION_CREATE", event);
        rest.await("the first analysis", r -> r.is("PATCH", ".*/interaction-token-" + interaction + "/messages/@original"), WAIT);

        // WHEN
        gateway.dispatch("INTERACTION_CREATE", event);
        String marker = id();
        gateway.dispatch("INTERACTION_CREATE", DiscordJson.routeCommand(marker, "help", PERMISSIONS));
        rest.await("the later interaction", r -> r.is("POST", "/interactions/" + marker + "/.*/callback"), WAIT);

        // THEN events are handled in order, so by now the replay has been seen and ignored
        assertThat(rest.requests()).filteredOn(r -> r.is("POST", "/interactions/" + interaction + "/.*/callback")).hasSize(1);
    }

    private static void awaitConnected(JDA jda) throws InterruptedException {
        Await.until("JDA connected to the fake gateway", () -> jda.getStatus() == JDA.Status.CONNECTED, WAIT);
    }
}
