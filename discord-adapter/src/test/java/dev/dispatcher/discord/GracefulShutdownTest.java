package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.store.Database;
import dev.dispatcher.store.DecisionLog;
import dev.dispatcher.store.StoredDecision;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM runs {@link DiscordMain.Running#close()}: stop taking events, finish those in flight, then disconnect and
 * close the database. Here Discord is slow on purpose, so the shutdown starts while a {@code /route} is half answered.
 */
class GracefulShutdownTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private DiscordTestKit kit;
    /** What the bot had sent when the shards were told to shut down. */
    private final List<Outgoing> sentBeforeShardsStopped = new CopyOnWriteArrayList<>();
    private DiscordMain.Running bot;

    @BeforeEach
    void start() {
        kit = DiscordTestKit.start(dir);
        ShardManager shards = mock(ShardManager.class);
        doAnswer(inv -> sentBeforeShardsStopped.addAll(kit.outbox())).when(shards).shutdown();
        bot = new DiscordMain.Running(new DiscordBot(shards, kit.pipeline()), kit.core, null, kit.work);
    }

    @AfterEach
    void stop() {
        kit.close();
    }

    /** Runs what the JVM's shutdown hook runs, on a thread of its own as the JVM does. */
    private Thread sigterm() {
        Thread hook = new Thread(bot::close, "discord-shutdown");
        hook.start();
        return hook;
    }

    private Optional<StoredDecision> decisionShownBy(Message analysis) {
        // The core is closed by now: open the database afresh, as the next process would.
        Database database = Database.open("jdbc:sqlite:" + dir.resolve("t.db"), null, null);
        try {
            return new DecisionLog(database, Clock.systemUTC())
                    .findByReply(new ConversationRef("discord", DiscordTestKit.CHANNEL_ID, null, analysis.getId()));
        } finally {
            database.close();
        }
    }

    private double routed() {
        return kit.core.metrics().registry().find("dispatcher.tasks.routed").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    @Test
    @DisplayName("a '/route' in flight is finished (stored, tied to its analysis, prompt posted) before the shards stop and the database closes")
    void finishesTheAnswerInFlight() throws Exception {
        // GIVEN a '/route' whose requests Discord has not answered yet
        Runnable discordAnswers = kit.holdDiscordAnswers();
        kit.fire(kit.slash("Fix JWT token expiration"));

        // WHEN the shutdown starts
        Thread hook = sigterm();
        Await.until("the bot takes no new events", () -> !kit.work.isAdmitting(), WAIT);

        // THEN it waits for the answer
        assertThat(hook.isAlive()).isTrue();
        assertThat(sentBeforeShardsStopped).isEmpty();

        // WHEN Discord answers
        discordAnswers.run();
        hook.join(WAIT.toMillis());

        // THEN the whole answer went out before the shards were stopped
        assertThat(hook.isAlive()).as("the shutdown finished").isFalse();
        assertThat(sentBeforeShardsStopped).extracting(Outgoing::kind)
                .containsExactly("interaction-reply", "edit-original", "thread", "send");
        Outgoing thread = kit.outbox("thread").get(0);
        assertThat(kit.postedIn(((ThreadChannel) thread.result()).getId())).singleElement()
                .satisfies(prompt -> assertThat(prompt.content()).contains("TASK: Fix JWT token expiration"));
        // AND the decision was stored and tied to the analysis message while the database was still open
        Message analysis = kit.outbox("edit-original").get(0).message();
        assertThat(decisionShownBy(analysis))
                .hasValueSatisfying(d -> assertThat(d.taskText()).isEqualTo("Fix JWT token expiration"));
    }

    @Test
    @DisplayName("a '/route' arriving after the shutdown started is not routed; the asker is told privately to try again")
    void laterRouteIsTurnedAway() throws Exception {
        // GIVEN a shutdown waiting for a '/route' in flight
        Runnable finish = shutdownUnderWay();

        // WHEN another '/route' arrives
        kit.fire(kit.slash("Add a health check endpoint"));
        finish.run();

        // THEN only the first was routed and answered
        assertThat(routed()).isEqualTo(1);
        assertThat(kit.outbox("edit-original")).hasSize(1);
        // AND the second heard, privately, that the bot is restarting
        assertThat(kit.outbox("interaction-reply")).filteredOn(r -> RestartNotice.TEXT.equals(r.content()))
                .singleElement().satisfies(notice -> {
                    assertThat(notice.ephemeral()).isTrue();
                    assertThat(notice.pingsNobody()).isTrue();
                });
    }

    @Test
    @DisplayName("a mention arriving after the shutdown started is not routed; the bot replies, without a ping, to try again")
    void laterMentionIsTurnedAway() throws Exception {
        // GIVEN
        Runnable finish = shutdownUnderWay();

        // WHEN someone mentions the bot
        Message mention = kit.message(kit.channel, kit.person, "<@" + DiscordTestKit.SELF_ID + "> Fix JWT expiry", true);
        kit.fire(kit.received(mention));
        finish.run();

        // THEN
        assertThat(routed()).isEqualTo(1);
        assertThat(kit.outbox("thread")).noneSatisfy(t -> assertThat(t.replyTo()).isEqualTo(mention.getId()));
        assertThat(kit.outbox("reply")).singleElement().satisfies(reply -> {
            assertThat(reply.replyTo()).isEqualTo(mention.getId());
            assertThat(reply.content()).isEqualTo(RestartNotice.TEXT);
            assertThat(reply.pingsNobody()).isTrue();
        });
    }

    @Test
    @DisplayName("a misroute reaction arriving after the shutdown started is dropped: no flag, no menu")
    void laterReactionIsDropped() throws Exception {
        // GIVEN an analysis, and then a shutdown under way
        Message analysis = kit.routed("Fix JWT token expiration");
        Runnable finish = shutdownUnderWay();

        // WHEN someone flags the analysis
        kit.fire(kit.reactionAdded(analysis, "❌", kit.person));
        finish.run();

        // THEN
        assertThat(kit.core.metrics().registry().find("dispatcher.flags").counter()).isNull();
        assertThat(kit.outbox()).noneSatisfy(o -> assertThat(o.components()).isNotEmpty());
    }

    /**
     * Starts a shutdown that is waiting for a {@code /route} Discord has not answered yet.
     *
     * @return what lets Discord answer and waits for the shutdown to finish
     */
    private Runnable shutdownUnderWay() throws InterruptedException {
        Runnable discordAnswers = kit.holdDiscordAnswers();
        kit.fire(kit.slash("Fix JWT token expiration"));
        Thread hook = sigterm();
        Await.until("the bot takes no new events", () -> !kit.work.isAdmitting(), WAIT);
        return () -> {
            discordAnswers.run();
            try {
                hook.join(WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(hook.isAlive()).as("the shutdown finished").isFalse();
        };
    }
}
