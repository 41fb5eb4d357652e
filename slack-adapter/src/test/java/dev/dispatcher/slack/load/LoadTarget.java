package dev.dispatcher.slack.load;

import dev.dispatcher.testkit.ReadyBot;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Slack app under load, in a JVM of its own on loopback ports: the real bot ({@code SlackMain}) or the no-op app.
 * Started means ready ({@link ReadyBot}); what is Slack's here is the events port and the run's credentials.
 */
final class LoadTarget implements AutoCloseable {

    static final String SIGNING_SECRET = "load-run-signing-secret";
    static final String BOT_TOKEN = "xoxb-load-run-not-a-token";

    private final ReadyBot bot;
    private final int slackPort;

    private LoadTarget(ReadyBot bot, int slackPort) {
        this.bot = bot;
        this.slackPort = slackPort;
    }

    /**
     * Starts {@code mainClass} with the Slack settings of the run and {@code settings} on top, and waits until ready.
     *
     * @param apiUrl the fake Web API
     */
    static LoadTarget start(String name, String mainClass, String apiUrl, Map<String, String> settings,
                            List<String> jvmOptions, Path output) throws IOException {
        int slackPort = ReadyBot.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
        env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
        env.put("SLACK_PORT", String.valueOf(slackPort));
        env.put("SLACK_API_URL", apiUrl);
        env.putAll(settings);
        return new LoadTarget(ReadyBot.start(name, mainClass, env, jvmOptions, output), slackPort);
    }

    String name() {
        return bot.name();
    }

    long pid() {
        return bot.pid();
    }

    /** From launching the JVM to the first {@code /readyz} 200. */
    Duration readyAfter() {
        return bot.readyAfter();
    }

    URI events() {
        return URI.create("http://127.0.0.1:" + slackPort + "/slack/events");
    }

    /** Resident memory now, in MiB. */
    double residentMib() throws IOException {
        return bot.residentMib();
    }

    /** The sum of the samples of one series of {@code /metrics}, e.g. {@code dispatcher_tasks_routed_total}. */
    double metric(String name) throws IOException {
        return bot.metric(name);
    }

    /** Stops it with SIGTERM, as an orchestrator does, and waits for it to exit. */
    int stop() throws InterruptedException {
        return bot.stop();
    }

    @Override
    public void close() {
        bot.close();
    }
}
