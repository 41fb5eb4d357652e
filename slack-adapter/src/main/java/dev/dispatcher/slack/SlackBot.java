package dev.dispatcher.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import dev.dispatcher.app.BotCore;
import dev.dispatcher.conversation.Pipeline;
import dev.dispatcher.conversation.PipelineSettings;
import dev.dispatcher.conversation.Workers;
import java.util.concurrent.atomic.AtomicReference;
import java.time.Duration;

/**
 * The Bolt {@link App} of the dispatcher, wired once: one handler per Slack surface ({@code /route},
 * {@code app_mention}, {@code reaction_added}/{@code reaction_removed}, the misroute menu, the "Route this message"
 * shortcut), each translating its payload for the core's {@link Pipeline} and acknowledging; the pipeline does the
 * rest and answers through {@link SlackOutput}. Request verification stays on: a bad signature or a timestamp older
 * than five minutes gets a 401 before any handler runs.
 */
public final class SlackBot implements AutoCloseable {

    private final App app;
    private final Pipeline pipeline;

    private SlackBot(App app, Pipeline pipeline) {
        this.app = app;
        this.pipeline = pipeline;
    }

    /**
     * Builds the app; nothing is sent to Slack until it starts ({@code auth.test} then checks the bot token).
     *
     * @param settings how to reach Slack
     * @param core     the platform-free bot
     */
    public static SlackBot create(SlackSettings settings, BotCore core) {
        AtomicReference<Pipeline> pipeline = new AtomicReference<>();
        App app = gatedApp(settings, new BusyGate(() -> pipeline.get().full()));
        Slack slack = app.slack();
        String emoji = core.settings().misrouteEmoji();
        MethodsClient client = slack.methods(settings.botToken());
        HelpTexts help = new HelpTexts(emoji);
        SlackOutput output = new SlackOutput(new SlackPoster(new SlackWebApi(slack, settings.botToken()), core.metrics()), new ResponseUrlAnswers(slack, core.metrics()),
                new SlackReplies(emoji), help, new BotName(client));
        pipeline.set(Pipeline.create(core, output, new PipelineSettings(settings.workers(), settings.queueLimit(),
                core.settings().jobLease(), PipelineSettings.DEFAULT_MAX_AGE, "slack-work"),
                SlackUserGroups.of(core.settings().teachers(), client, core.metrics())));
        SlackIntake intake = new SlackIntake(pipeline.get(), core.clock());
        ReactionHandler reactions = new ReactionHandler(intake, emoji);

        app.command(RouteCommand.COMMAND, new RouteCommand(intake, help));
        app.event(AppMentionEvent.class, new MentionHandler(intake));
        app.event(ReactionAddedEvent.class, reactions::added);
        app.event(ReactionRemovedEvent.class, reactions::removed);
        app.blockAction(MisrouteMessages.CHOICE_ACTION, new CorrectionAction(intake));
        app.messageShortcut(RouteMessageShortcut.CALLBACK_ID, new RouteMessageShortcut(intake));
        return new SlackBot(app, pipeline.get());
    }

    /**
     * A Bolt app with no handlers yet, configured from the settings: this Web API, this bot token, request verification
     * with the signing secret, and no OAuth.
     */
    static App newApp(SlackSettings settings) {
        return new App(config(settings));
    }

    /**
     * The same app, but asking {@code gate} first about every request, so that a full queue turns events away before
     * Bolt dispatches them. Not a Bolt middleware: adding one builds Bolt's middleware list at once, which calls
     * {@code auth.test}, and nothing should reach Slack before the bot starts.
     */
    private static App gatedApp(SlackSettings settings, BusyGate gate) {
        return new App(config(settings)) {
            @Override
            public Response run(Request request) throws Exception {
                return gate.admits(request) ? super.run(request) : BusyGate.retryLater();
            }
        };
    }

    private static AppConfig config(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        if (settings.apiUrl() != null) {
            config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        }
        config.setStatsEnabled(false);
        return AppConfig.builder()
                .slack(Slack.getInstance(config))
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.signingSecret())
                .requestVerificationEnabled(true)
                // AppConfig reads SLACK_CLIENT_ID/SECRET from the environment and would then expect OAuth
                // installations; this bot is a single-workspace app configured only through SlackSettings.
                .clientId(null)
                .clientSecret(null)
                .build();
    }

    /** The Bolt app, for an HTTP server or a Socket Mode connection to run. */
    public App app() {
        return app;
    }

    /** Waits until every acknowledged event has been fully handled; for tests and orderly shutdown. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        return pipeline.awaitIdle(timeout);
    }

    /** The pipeline this app feeds. */
    Pipeline pipeline() {
        return pipeline;
    }

    /**
     * Finishes the work already acknowledged, waiting at most {@code limit}, and stops the app. Call it once Slack can
     * no longer reach the app, so no new work arrives meanwhile.
     *
     * @return whether all of it finished in time
     */
    boolean finish(Duration limit) {
        boolean finished = pipeline.drain(limit);
        app.stop();
        return finished;
    }

    /** Finishes the acknowledged work within {@link Workers#DRAIN_LIMIT} and stops the app. */
    @Override
    public void close() {
        finish(Workers.DRAIN_LIMIT);
    }
}
