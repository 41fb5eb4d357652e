package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import io.micrometer.core.instrument.Counter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.session.SessionInvalidateEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.TimeUtil;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The bot survives a gateway disconnect: the real JDA client, started by {@link DiscordBot#start}, against the fake
 * Discord on loopback. When the gateway drops the connection JDA reconnects on READY's {@code resume_gateway_url} and
 * RESUMEs the session (or IDENTIFYs again when Discord says the session is gone), the listeners stay wired, and an
 * event Discord delivers again on RESUME is answered once, thanks to the persistent claim of {@link EventClaims}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordReconnectTest {

    /** Long enough for JDA's re-IDENTIFY: its 2 s reconnect delay behind the session controller's 5 s identify spacing. */
    private static final Duration WAIT = Duration.ofSeconds(12);
    private static final long PERMISSIONS = BotPermissions.raw();
    /** Discord's "unknown error": its gateway node failed, the session can be resumed. */
    private static final int UNKNOWN_ERROR = 4000;

    private Path dir;
    private FakeDiscordRest rest;
    private FakeDiscordGateway gateway;
    private BotCore core;
    private ShardManager shards;
    private final SessionEvents sessions = new SessionEvents();
    /** Snowflakes of now: JDA refuses interactions whose id says they are older than 15 minutes. */
    private final AtomicLong ids = new AtomicLong(TimeUtil.getDiscordTimestamp(System.currentTimeMillis()));

    @BeforeAll
    void connect() throws Exception {
        dir = Files.createTempDirectory("discord-reconnect");
        rest = new FakeDiscordRest();
        gateway = new FakeDiscordGateway(shard -> DiscordJson.guild(PERMISSIONS));
        String gatewayUrl = gateway.begin();
        rest.recommend(gatewayUrl, 1);
        Map<String, String> env = DiscordJson.botEnvironment(dir, rest, gatewayUrl);
        core = BotCore.start(CoreSettings.fromEnvironment(env));
        shards = DiscordBot.start(DiscordSettings.fromEnvironment(env), core, new InFlightWork()).shards();
        // an observer only: what JDA says about its session, next to the bot's own listeners
        shards.addEventListener(sessions);
        // start-up done: /route registered on the guild
        rest.await("PUT guild commands", r -> r.is("PUT", "/applications/.*/guilds/.*/commands"), WAIT);
    }

    @AfterAll
    void disconnect() throws Exception {
        if (shards != null) {
            shards.shutdown();
        }
        if (core != null) {
            core.close();
        }
        gateway.stop(1000);
        rest.close();
    }

    /** Every test starts from a connected, ready shard, whatever the one before it did to the connection. */
    @BeforeEach
    void connected() throws InterruptedException {
        Await.until("the shard is connected and the bot ready", () -> shard().getStatus() == JDA.Status.CONNECTED
                && DiscordBot.isReady(shards), WAIT);
    }

    @Test
    @DisplayName("closed by Discord with 4000 (unknown error), the shard RESUMEs on resume_gateway_url with READY's session_id and its last sequence number")
    void resumesAfterUnknownError() throws Exception {
        // GIVEN a shard that has seen every dispatch up to the last one
        int identified = gateway.identifies().size();
        int resumed = sessions.resumed.get();
        int recreated = sessions.recreated.get();
        String session = gateway.sessionId();
        long lastSeen = gateway.lastSequence();

        // WHEN
        gateway.drop(UNKNOWN_ERROR);

        // THEN JDA resumes the session on the URL READY named, without identifying again
        FakeDiscordGateway.Resume resume = awaitResume(gateway.resumes().size());
        assertThat(resume.resource()).startsWith(FakeDiscordGateway.RESUME_PATH + "?");
        assertThat(resume.sessionId()).isEqualTo(session);
        assertThat(resume.seq()).isEqualTo(lastSeen);
        assertThat(resume.payload().getString("token")).isEqualTo("fake.test.token");
        awaitResumed(resumed);
        assertThat(sessions.recreated.get()).as("a new session").isEqualTo(recreated);
        assertThat(gateway.identifies()).hasSize(identified);
        assertThat(DiscordBot.isReady(shards)).as("what /readyz answers").isTrue();
    }

    @Test
    @DisplayName("asked to RECONNECT (op 7), the shard closes the connection, reconnects and RESUMEs the same session")
    void resumesWhenAskedToReconnect() throws Exception {
        // GIVEN
        int identified = gateway.identifies().size();
        int resumed = sessions.resumed.get();
        String session = gateway.sessionId();
        long lastSeen = gateway.lastSequence();

        // WHEN
        gateway.requestReconnect();

        // THEN
        FakeDiscordGateway.Resume resume = awaitResume(gateway.resumes().size());
        assertThat(resume.sessionId()).isEqualTo(session);
        assertThat(resume.seq()).isEqualTo(lastSeen);
        awaitResumed(resumed);
        assertThat(gateway.identifies()).hasSize(identified);
        assertThat(DiscordBot.isReady(shards)).as("what /readyz answers").isTrue();
    }

    @Test
    @DisplayName("after a RESUME, /route on the new connection is answered as before: deferred publicly, the analysis embed, a thread with the prompt, nothing can ping")
    void routeAfterResume() throws Exception {
        // GIVEN a connection dropped and resumed
        int resumed = sessions.resumed.get();
        gateway.drop(UNKNOWN_ERROR);
        awaitResumed(resumed);
        String interaction = id();

        // WHEN
        gateway.dispatch("INTERACTION_CREATE", DiscordJson.routeCommand(interaction, "Fix JWT token expiration @everyone", PERMISSIONS));

        // THEN
        assertRouteAnswered(interaction, "Fix JWT token expiration");
    }

    @Test
    @DisplayName("/readyz says not ready while the shard waits to resume, and ready again once it has resumed")
    void notReadyWhileAway() throws Exception {
        // GIVEN Discord takes its time to answer the RESUME
        int resumed = sessions.resumed.get();
        int resumes = gateway.resumes().size();
        Runnable answerResumes = gateway.holdResumes();
        try {
            // WHEN
            gateway.drop(UNKNOWN_ERROR);

            // THEN while the RESUME is unanswered the shard is not connected, so the bot is not ready
            awaitResume(resumes);
            assertThat(shard().getStatus()).isNotEqualTo(JDA.Status.CONNECTED);
            assertThat(DiscordBot.isReady(shards)).as("what /readyz answers").isFalse();
        } finally {
            answerResumes.run();
        }

        // AND once Discord answers, ready again
        awaitResumed(resumed);
        assertThat(DiscordBot.isReady(shards)).as("what /readyz answers").isTrue();
    }

    @Test
    @DisplayName("a /route Discord received while the shard was away is replayed on RESUME and answered, once")
    void missedInteractionReplayed() throws Exception {
        // GIVEN the connection is gone and the RESUME not answered yet
        int resumed = sessions.resumed.get();
        Runnable answerResumes = gateway.holdResumes();
        String interaction = id();
        try {
            gateway.drop(UNKNOWN_ERROR);

            // WHEN someone runs /route meanwhile: Discord keeps the event for the session
            gateway.dispatch("INTERACTION_CREATE", DiscordJson.routeCommand(interaction, "Fix JWT token expiration", PERMISSIONS));
        } finally {
            answerResumes.run();
        }

        // THEN the RESUME replays it, and the bot answers it as if nothing happened
        awaitResumed(resumed);
        assertThat(gateway.replayed()).anyMatch(event -> isInteraction(event, interaction));
        assertRouteAnswered(interaction, "Fix JWT token expiration");
        assertThat(callbacks(interaction)).hasSize(1);
    }

    @Test
    @DisplayName("an interaction answered before the drop and delivered again on RESUME is not answered again")
    void replayAfterResumeAnsweredOnce() throws Exception {
        // GIVEN a /route answered on the first connection
        int resumed = sessions.resumed.get();
        double duplicates = duplicatesDropped();
        int before = gateway.lastSequence();
        String interaction = id();
        gateway.dispatch("INTERACTION_CREATE", DiscordJson.routeCommand(interaction, "Add a health check endpoint", PERMISSIONS));
        rest.await("the first analysis", r -> r.is("PATCH", ".*/interaction-token-" + interaction + "/messages/@original"), WAIT);

        // WHEN the connection drops and Discord's RESUME delivers that interaction again (same id, same sequence)
        gateway.rewindNextResume(before);
        gateway.drop(UNKNOWN_ERROR);
        awaitResumed(resumed);
        assertThat(gateway.replayed()).anyMatch(event -> isInteraction(event, interaction));
        String marker = id();
        gateway.dispatch("INTERACTION_CREATE", DiscordJson.routeCommand(marker, "help", PERMISSIONS));
        rest.await("the later interaction", r -> r.is("POST", "/interactions/" + marker + "/.*/callback"), WAIT);

        // THEN the bot answered only the first delivery: events are handled in order, so by the marker's answer the
        // replay has been seen
        assertThat(callbacks(interaction)).hasSize(1);
        assertThat(rest.requests()).filteredOn(r -> r.is("PATCH", ".*/interaction-token-" + interaction + "/messages/@original"))
                .hasSize(1);
        // AND it did see the replay: its claim in the event ledger lost, and the duplicate was counted for /metrics
        assertThat(duplicatesDropped()).isEqualTo(duplicates + 1);
    }

    @Test
    @DisplayName("a ❌ reaction delivered again on RESUME does not post a second correction menu")
    void replayedReactionAnsweredOnce() throws Exception {
        // GIVEN a /route answer that someone flagged with ❌, and the menu the bot posted for it
        int resumed = sessions.resumed.get();
        String interaction = id();
        gateway.dispatch("INTERACTION_CREATE", DiscordJson.routeCommand(interaction, "Optimize the slow users query", PERMISSIONS));
        String analysisId = rest.await("the analysis",
                r -> r.is("PATCH", ".*/interaction-token-" + interaction + "/messages/@original"), WAIT).response().getString("id");
        rest.await("the thread on the analysis", r -> r.is("POST", "/channels/\\d+/messages/" + analysisId + "/threads"), WAIT);
        int before = gateway.lastSequence();
        gateway.dispatch("MESSAGE_REACTION_ADD", DiscordJson.reactionAdd(analysisId, "❌"));
        String menu = menuId(rest.await("the correction menu", r -> menuId(r) != null, WAIT));

        // WHEN the connection drops and Discord's RESUME delivers the reaction again
        gateway.rewindNextResume(before);
        gateway.drop(UNKNOWN_ERROR);
        awaitResumed(resumed);
        assertThat(gateway.replayed()).anyMatch(event -> "MESSAGE_REACTION_ADD".equals(event.getString("t"))
                && analysisId.equals(event.getObject("d").getString("message_id")));
        String marker = id();
        gateway.dispatch("INTERACTION_CREATE", DiscordJson.routeCommand(marker, "help", PERMISSIONS));
        rest.await("the later interaction", r -> r.is("POST", "/interactions/" + marker + "/.*/callback"), WAIT);

        // THEN one menu: reactions have no id to claim, but a person's flag on a decision is recorded once, and only
        // the first flag asks for the correction
        assertThat(rest.requests()).filteredOn(r -> menu.equals(menuId(r))).hasSize(1);
    }

    @Test
    @DisplayName("INVALID_SESSION in answer to the RESUME: the shard IDENTIFYs again, gets a new session, and /route is answered on it")
    void identifiesAgainWhenTheSessionIsGone() throws Exception {
        // GIVEN Discord lost the session
        int identified = gateway.identifies().size();
        int recreated = sessions.recreated.get();
        int invalidated = sessions.invalidated.get();
        int resumes = gateway.resumes().size();
        String oldSession = gateway.sessionId();
        gateway.invalidateNextResume();

        // WHEN
        gateway.drop(UNKNOWN_ERROR);

        // THEN JDA tries to resume, is told the session is gone, and identifies afresh as it did at start-up
        awaitResume(resumes);
        Await.until("JDA identifies again", () -> gateway.identifies().size() == identified + 1, WAIT);
        Await.until("JDA finished the new session", () -> sessions.recreated.get() == recreated + 1
                && shard().getStatus() == JDA.Status.CONNECTED, WAIT);
        // (JDA 5.6.1 reports the invalidation twice: on op 9, and again as it closes the socket with 1000)
        assertThat(sessions.invalidated.get()).isGreaterThan(invalidated);
        assertThat(gateway.sessionId()).isNotEqualTo(oldSession);
        DataObject identify = gateway.identifies().get(identified);
        assertThat(identify.getInt("intents")).isEqualTo(gateway.identifies().get(0).getInt("intents"));
        assertThat(identify.getArray("shard").toList()).containsExactly(0, 1);
        assertThat(DiscordBot.isReady(shards)).as("what /readyz answers").isTrue();
        // /route was registered once at start-up; the new session does not register it again
        assertThat(rest.requests()).filteredOn(r -> r.is("PUT", "/applications/.*/commands")).hasSize(1);

        // AND /route on the new session is answered as before
        String interaction = id();
        gateway.dispatch("INTERACTION_CREATE", DiscordJson.routeCommand(interaction, "Fix JWT token expiration", PERMISSIONS));
        assertRouteAnswered(interaction, "Fix JWT token expiration");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private JDA shard() {
        return shards.getShardById(0);
    }

    private String id() {
        return Long.toString(ids.incrementAndGet());
    }

    /** Waits for the RESUME after the first {@code before} ones, and returns it. */
    private FakeDiscordGateway.Resume awaitResume(int before) throws InterruptedException {
        Await.until("JDA sends RESUME", () -> gateway.resumes().size() > before, WAIT);
        return gateway.resumes().get(before);
    }

    /** Waits until JDA says it resumed (after {@code before} resumes) and the shard is connected again. */
    private void awaitResumed(int before) throws InterruptedException {
        Await.until("JDA resumed the session", () -> sessions.resumed.get() > before
                && shard().getStatus() == JDA.Status.CONNECTED, WAIT);
    }

    private List<FakeDiscordRest.Request> callbacks(String interaction) {
        return rest.requests().stream().filter(r -> r.is("POST", "/interactions/" + interaction + "/.*/callback")).toList();
    }

    private double duplicatesDropped() {
        Counter counter = core.metrics().registry().find("dispatcher.duplicate.events").tags("platform", "discord").counter();
        return counter == null ? 0 : counter.count();
    }

    /** The custom id ({@code misroute:<decision>}) of the correction menu a request posts in the channel, or null. */
    private static String menuId(FakeDiscordRest.Request r) {
        if (!r.is("POST", "/channels/" + DiscordJson.CHANNEL_ID + "/messages") || r.body() == null) {
            return null;
        }
        return r.body().optArray("components").filter(rows -> !rows.isEmpty())
                .map(rows -> rows.getObject(0).getArray("components").getObject(0).getString("custom_id", null))
                .orElse(null);
    }

    private static boolean isInteraction(DataObject event, String interaction) {
        return "INTERACTION_CREATE".equals(event.getString("t")) && interaction.equals(event.getObject("d").getString("id"));
    }

    /** The /route answer of {@link DiscordEndToEndTest#routeCommand()}, in short. */
    private void assertRouteAnswered(String interaction, String task) throws InterruptedException {
        FakeDiscordRest.Request ack = rest.await("the interaction callback",
                r -> r.is("POST", "/interactions/" + interaction + "/.*/callback"), WAIT);
        assertThat(ack.body().getInt("type")).isEqualTo(5);
        assertThat(ack.body().optObject("data").map(d -> d.getInt("flags", 0)).orElse(0) & 64).isZero();
        FakeDiscordRest.Request analysis = rest.await("the analysis",
                r -> r.is("PATCH", "/webhooks/" + DiscordJson.BOT_ID + "/interaction-token-" + interaction + "/messages/@original"), WAIT);
        DataObject embed = analysis.body().getArray("embeds").getObject(0);
        assertThat(embed.getString("title")).contains("Auth System Architect");
        assertThat(analysis.body().getObject("allowed_mentions").getArray("parse").isEmpty()).isTrue();
        String analysisId = analysis.response().getString("id");
        FakeDiscordRest.Request thread = rest.await("the thread on the analysis",
                r -> r.is("POST", "/channels/" + DiscordJson.CHANNEL_ID + "/messages/" + analysisId + "/threads"), WAIT);
        String threadId = thread.response().getString("id");
        FakeDiscordRest.Request prompt = rest.await("the prompt in the thread",
                r -> r.is("POST", "/channels/" + threadId + "/messages"), WAIT);
        assertThat(prompt.body().getString("content")).contains("TASK: " + task);
        assertThat(prompt.body().getObject("allowed_mentions").getArray("parse").isEmpty()).isTrue();
    }

    /** What JDA says about its session: resumed, recreated after a new IDENTIFY, invalidated. */
    private static final class SessionEvents extends ListenerAdapter {

        final AtomicInteger resumed = new AtomicInteger();
        final AtomicInteger recreated = new AtomicInteger();
        final AtomicInteger invalidated = new AtomicInteger();

        @Override
        public void onSessionResume(SessionResumeEvent event) {
            resumed.incrementAndGet();
        }

        @Override
        public void onSessionRecreate(SessionRecreateEvent event) {
            recreated.incrementAndGet();
        }

        @Override
        public void onSessionInvalidate(SessionInvalidateEvent event) {
            invalidated.incrementAndGet();
        }
    }
}
