package dev.dispatcher.app;

import dev.dispatcher.answer.AnswerLog;
import dev.dispatcher.answer.AnswerStats;
import dev.dispatcher.answer.Answerer;
import dev.dispatcher.dispatch.Dispatcher;
import dev.dispatcher.feedback.TeamLearning;
import dev.dispatcher.feedback.Feedback;
import dev.dispatcher.feedback.Lessons;
import dev.dispatcher.feedback.RoutingStats;
import dev.dispatcher.knowledge.KnowledgeBase;
import dev.dispatcher.ops.DispatcherMetrics;
import dev.dispatcher.routing.CachedRouter;
import dev.dispatcher.routing.SpecialistCatalog;
import dev.dispatcher.store.Database;
import dev.dispatcher.store.DecisionLog;
import dev.dispatcher.store.EventLedger;
import dev.dispatcher.store.FeedbackStore;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * The platform-free bot, wired once: configuration, the live knowledge base with its router, cache and learning,
 * decision store, feedback and statistics. Each front end (shell, Slack, Discord) builds one and translates to it.
 * The knowledge base is reloaded when its files change ({@code DISPATCHER_KB_RELOAD_SECONDS}) and, in the bots, on
 * {@code SIGHUP} ({@link #reloadOnHangup()}).
 */
public final class BotCore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotCore.class);

    private final CoreSettings settings;
    private final Database database;
    private final LiveKnowledge knowledge;
    private final Dispatcher dispatcher;
    private final Feedback feedback;
    private final RoutingStats stats;
    private final EventLedger events;
    private final FeedbackStore feedbackStore;
    private final ScheduledExecutorService refresher;
    private final DispatcherMetrics metrics = new DispatcherMetrics();
    private final AnswerLog answerLog;
    private final Answerer answerer;
    private final Clock clock;

    private BotCore(CoreSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        // The files first: a broken knowledge base is reported before the database is touched.
        KnowledgeFiles files = KnowledgeFiles.read(settings.knowledgeDir(), settings.knowledgeUrl());
        this.database = Database.open(settings.databaseUrl(), settings.databaseUser(), settings.databasePassword());
        this.feedbackStore = new FeedbackStore(database, clock);
        KnowledgeLoader loader = new KnowledgeLoader(settings, feedbackStore);
        try {
            this.knowledge = new LiveKnowledge(loader, loader.build(files), metrics);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        DecisionLog decisions = new DecisionLog(database, clock);
        this.dispatcher = new Dispatcher(knowledge::current, decisions, metrics);
        metrics.watchCache(() -> knowledge.current().router().stats());
        this.feedback = new Feedback(decisions, feedbackStore, () -> knowledge.current().catalog(), new Lessons() {
            @Override
            public void corrected(String decisionId) {
                knowledge.current().learning().corrected(decisionId);
            }

            @Override
            public void relearn() {
                knowledge.current().learning().relearn();
            }
        }, metrics, settings.teachers());
        this.stats = new RoutingStats(database, () -> knowledge.current().catalog(), clock);
        this.events = new EventLedger(database, clock);
        this.answerLog = new AnswerLog(database, clock);
        this.answerer = Answerer.create(settings.answers(), () -> knowledge.current().files(), answerLog, metrics, clock);
        this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "learning-refresh");
            t.setDaemon(true);
            return t;
        });
        // Other replicas sharing the database may record corrections; pick them up periodically.
        long every = settings.learningRefresh().toMillis();
        refresher.scheduleWithFixedDelay(this::refreshLearning, every, every, TimeUnit.MILLISECONDS);
        // Platforms retry for minutes, not days: forget handled event ids after two days so the table stays small.
        refresher.scheduleWithFixedDelay(this::pruneEvents, 1, 60, TimeUnit.MINUTES);
        long look = settings.knowledgeReload().toMillis();
        if (look > 0) {
            refresher.scheduleWithFixedDelay(this::reloadIfChanged, look, look, TimeUnit.MILLISECONDS);
        }
        KnowledgeSnapshot first = knowledge.current();
        LOG.info("bot core ready: knowledge base version {}, {} specialists, {} knowledge sections, {} learned examples, database {}",
                first.version(), first.catalog().specialists().size(), first.files().knowledge().sections().size(),
                first.learning().size(), database.description());
    }

    /**
     * Builds the core.
     *
     * @throws dev.dispatcher.routing.ConfigException when the routing configuration or a template is unusable
     * @throws dev.dispatcher.store.StoreException when the database cannot be opened
     */
    public static BotCore start(CoreSettings settings) {
        return new BotCore(settings, Clock.systemUTC());
    }

    public static BotCore start(CoreSettings settings, Clock clock) {
        return new BotCore(settings, clock);
    }

    /**
     * Reloads the knowledge base when the process gets {@code SIGHUP} ({@code kill -HUP}), instead of ending: for the
     * bots, not the shell, whose SIGHUP means its terminal went away.
     */
    public void reloadOnHangup() {
        Signal.handle(new Signal("HUP"), signal -> refresher.execute(() -> knowledge.reload("SIGHUP")));
    }

    private void reloadIfChanged() {
        try {
            knowledge.reloadIfChanged();
        } catch (RuntimeException e) {
            LOG.warn("could not look at the knowledge base for changes: {}", e.getMessage());
        }
    }

    private void refreshLearning() {
        try {
            knowledge.current().learning().refresh();
        } catch (RuntimeException e) {
            LOG.warn("could not refresh learned corrections: {}", e.getMessage());
        }
    }

    private void pruneEvents() {
        try {
            events.prune(java.time.Duration.ofDays(2));
        } catch (RuntimeException e) {
            LOG.warn("could not prune processed events: {}", e.getMessage());
        }
    }

    public CoreSettings settings() {
        return settings;
    }

    /** The specialists of the knowledge-base version in use. */
    public SpecialistCatalog catalog() {
        return knowledge.current().catalog();
    }

    /** The documents of the knowledge-base version in use. */
    public KnowledgeBase knowledge() {
        return knowledge.current().files().knowledge();
    }

    /** The knowledge base in use, its version, and its reloading. */
    public LiveKnowledge liveKnowledge() {
        return knowledge;
    }

    public Dispatcher dispatcher() {
        return dispatcher;
    }

    public Feedback feedback() {
        return feedback;
    }

    public RoutingStats stats() {
        return stats;
    }

    /** The decision cache of the knowledge-base version in use (a reload starts a new, empty one). */
    public CachedRouter cache() {
        return knowledge.current().router();
    }

    /** What the router in use learned from stored corrections. */
    public TeamLearning examples() {
        return knowledge.current().learning();
    }

    /** Every stored correction with its task, for keyword suggestions. */
    public java.util.List<FeedbackStore.CorrectionRow> feedbackRows() {
        return feedbackStore.corrections();
    }

    /** The stored flags and corrections, for the commands that review them. */
    public FeedbackStore feedbackStore() {
        return feedbackStore;
    }

    /** The process's operational figures, for {@code /metrics} and for adapters to count platform calls. */
    public DispatcherMetrics metrics() {
        return metrics;
    }

    /** The specialists' answers under routing replies: the knowledge base's, or a model's. */
    public Answerer answerer() {
        return answerer;
    }

    /** The answers given and the votes on them. */
    public AnswerLog answerLog() {
        return answerLog;
    }

    /** Whether answers helped, per specialist and template. */
    public AnswerStats answerStats() {
        return new AnswerStats(answerLog, clock);
    }

    public EventLedger events() {
        return events;
    }

    /** The clock decisions, jobs and statistics are timed by. */
    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        database.close();
    }
}
