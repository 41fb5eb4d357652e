package dev.dispatcher.web;

import dev.dispatcher.app.BotCore;
import dev.dispatcher.dispatch.ConversationRef;
import dev.dispatcher.dispatch.Task;
import dev.dispatcher.reply.Reply;
import dev.dispatcher.testkit.Cores;
import dev.dispatcher.testkit.WebSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real core on a SQLite file in a test's folder, the web page served from it on a free loopback port, and the
 * chat a team would have had: tasks asked on a platform, answered, flagged and corrected through the same calls the
 * bots make.
 */
final class WebFixture implements AutoCloseable {

    final Map<String, String> env;
    final BotCore core;
    final WebServer server;
    private final AtomicInteger messages = new AtomicInteger(1000);

    WebFixture(Path dir, Map<String, String> extra) {
        this(dir, extra, java.time.Clock.systemUTC());
    }

    /** A fixture whose decisions, flags and corrections are timed by {@code clock}, and so is the page's "now". */
    WebFixture(Path dir, Map<String, String> extra, java.time.Clock clock) {
        env = Cores.environment(dir);
        env.put("DISPATCHER_WEB_PORT", "0");
        env.putAll(extra);
        core = BotCore.start(dev.dispatcher.app.CoreSettings.fromEnvironment(env), clock);
        try {
            server = WebServer.start(core, WebSettings.fromEnvironment(env));
        } catch (IOException e) {
            core.close();
            throw new UncheckedIOException(e);
        }
    }

    WebFixture(Path dir) {
        this(dir, Map.of());
    }

    WebSession session() {
        return new WebSession(server.port());
    }

    /** A task asked in a Slack channel and answered there; returns its decision id. */
    String ask(String text) {
        return ask(text, "slack", "C0TEAM");
    }

    /** A task asked on a platform's channel, answered with a reply the decision is attached to; returns its decision id. */
    String ask(String text, String platform, String channel) {
        String message = "1700000000." + messages.incrementAndGet();
        Reply reply = core.dispatcher().dispatch(new Task(text, "U-ASKER", new ConversationRef(platform, channel, null, message)));
        core.dispatcher().attach(reply.decisionId(), new ConversationRef(platform, channel, message, message + "1"));
        return reply.decisionId();
    }

    /** Someone corrected a decision to a specialist (which flags it too). */
    void correct(String decisionId, String specialist, String user) {
        if (!core.feedback().correct(decisionId, specialist, user).recorded()) {
            throw new IllegalStateException("correction refused");
        }
    }

    /** Someone flagged a decision without saying who should have had it. */
    void flag(String decisionId, String user) {
        core.feedbackStore().addFlag(decisionId, user);
    }

    String routedTo(String text) {
        return core.dispatcher().router().route(text).specialist();
    }

    @Override
    public void close() {
        server.close();
        core.close();
    }
}
