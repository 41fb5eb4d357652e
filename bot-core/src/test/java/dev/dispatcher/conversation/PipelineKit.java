package dev.dispatcher.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.app.CoreSettings;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.testkit.Cores;
import dev.dispatcher.testkit.FakePlatformOutput;
import dev.dispatcher.testkit.StoreKit;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real core and pipeline on a database of the test's choosing, speaking to a {@link FakePlatformOutput}, with a
 * clock the test moves: each specification sends an event or two and reads what the platform was asked to show.
 */
final class PipelineKit implements AutoCloseable {

    static final Duration LEASE = Duration.ofSeconds(30);
    static final String PLATFORM = "chat";
    static final String CHANNEL = "C1";
    static final String ALICE = "U0ALICE";

    final StoreKit.TestClock clock = new StoreKit.TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    final FakePlatformOutput output = new FakePlatformOutput(PLATFORM);
    final BotCore core;
    final Pipeline pipeline;
    private final AtomicLong ids = new AtomicLong();

    private PipelineKit(Map<String, String> env, int workers, int queue, Memberships memberships) {
        this.core = BotCore.start(CoreSettings.fromEnvironment(env), clock);
        this.pipeline = Pipeline.create(core, output, new PipelineSettings(workers, queue, LEASE, Duration.ofHours(1), "test-work"),
                memberships);
    }

    /** On a fresh SQLite file in {@code env}'s data folder. */
    static PipelineKit start(Map<String, String> env) {
        return new PipelineKit(env, 2, 100, Memberships.carried());
    }

    static PipelineKit start(Map<String, String> env, int workers, int queue) {
        return new PipelineKit(env, workers, queue, Memberships.carried());
    }

    /** On a fresh SQLite file, learning who belongs to which group from {@code memberships}, as a platform would say. */
    static PipelineKit start(Map<String, String> env, Memberships memberships) {
        return new PipelineKit(env, 2, 100, memberships);
    }

    /**
     * A fresh SQLite file; the routing reply alone, as these specifications are about routing (the specialist's answer
     * after it has {@code AnswerPipelineTest}, which removes {@code DISPATCHER_ANSWER_CHANNELS}).
     */
    static Map<String, String> sqlite(java.nio.file.Path dir) {
        Map<String, String> env = Cores.environment(dir);
        env.put("DISPATCHER_ANSWER_CHANNELS", "none");
        return env;
    }

    static Map<String, String> on(java.nio.file.Path dir, String databaseUrl) {
        Map<String, String> env = sqlite(dir);
        env.put("DISPATCHER_DB_URL", databaseUrl);
        return env;
    }

    String nextId() {
        return "Ev" + ids.incrementAndGet();
    }

    InboundEvent route(String text) {
        return route(nextId(), text, "https://callback.example/" + ids.get());
    }

    InboundEvent route(String id, String text, String callback) {
        return new InboundEvent(EventKind.ROUTE, id, new ConversationRef(PLATFORM, CHANNEL, null, null), Actor.user(ALICE),
                text, callback, null, false, clock.instant());
    }

    InboundEvent mention(String text) {
        String id = nextId();
        return new InboundEvent(EventKind.MENTION, id, new ConversationRef(PLATFORM, CHANNEL, null, "m" + id),
                Actor.user(ALICE), text, null, null, false, clock.instant());
    }

    InboundEvent shortcut(String text, boolean fromBot) {
        String id = nextId();
        return new InboundEvent(EventKind.MESSAGE_SHORTCUT, id, new ConversationRef(PLATFORM, CHANNEL, null, "m" + id),
                Actor.user(ALICE), text, "https://callback.example/" + id, null, fromBot, clock.instant());
    }

    InboundEvent flag(ConversationRef message, String user) {
        return new InboundEvent(EventKind.MISROUTE_FLAG, nextId(), message, Actor.user(user), null, null, null, false, clock.instant());
    }

    InboundEvent unflag(ConversationRef message, String user) {
        return new InboundEvent(EventKind.MISROUTE_UNFLAG, nextId(), message, Actor.user(user), null, null, null, false, clock.instant());
    }

    InboundEvent choice(ConversationRef menu, String decisionId, String specialist, String user) {
        return new InboundEvent(EventKind.SPECIALIST_CHOICE, nextId(), menu, Actor.user(user), specialist, "token-" + ids.get(),
                decisionId, false, clock.instant());
    }

    InboundEvent vote(ConversationRef message, String user, boolean helpful) {
        return new InboundEvent(EventKind.ANSWER_VOTE, nextId(), message, Actor.user(user),
                helpful ? EventKind.HELPFUL : EventKind.UNHELPFUL, null, null, false, clock.instant());
    }

    InboundEvent unvote(ConversationRef message, String user, boolean helpful) {
        return new InboundEvent(EventKind.ANSWER_UNVOTE, nextId(), message, Actor.user(user),
                helpful ? EventKind.HELPFUL : EventKind.UNHELPFUL, null, null, false, clock.instant());
    }

    /** Accepts an event and waits until the workers are done with it. */
    Pipeline.Intake send(InboundEvent event) throws InterruptedException {
        Pipeline.Intake intake = pipeline.accept(event, () -> { });
        idle();
        return intake;
    }

    void idle() throws InterruptedException {
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(30))).as("the workers finished").isTrue();
    }

    /** A sample of {@code /metrics}, or 0 when absent. */
    double metric(String name, String labels) {
        return core.metrics().scrape().lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> labels.isEmpty() || line.contains(labels))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Override
    public void close() {
        pipeline.drain(Duration.ofSeconds(5));
        core.close();
    }
}
