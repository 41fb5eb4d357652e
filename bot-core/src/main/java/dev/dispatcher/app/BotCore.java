package dev.dispatcher.app;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.dispatcher.dispatch.Dispatcher;
import dev.dispatcher.feedback.TeamLearning;
import dev.dispatcher.feedback.Feedback;
import dev.dispatcher.feedback.RoutingStats;
import dev.dispatcher.knowledge.KnowledgeBase;
import dev.dispatcher.knowledge.PromptTemplates;
import dev.dispatcher.ops.DispatcherMetrics;
import dev.dispatcher.reply.ReplyComposer;
import dev.dispatcher.routing.CachedRouter;
import dev.dispatcher.routing.RoutingModel;
import dev.dispatcher.routing.SpecialistCatalog;
import dev.dispatcher.routing.TextAnalyzer;
import dev.dispatcher.routing.WeightedRouter;
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

/**
 * The platform-free bot, wired once: configuration, knowledge base, router with its cache and learning, decision
 * store, feedback and statistics. Each front end (shell, Slack, Discord) builds one and translates to it.
 */
public final class BotCore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BotCore.class);

    private final CoreSettings settings;
    private final SpecialistCatalog catalog;
    private final KnowledgeBase knowledge;
    private final Database database;
    private final TeamLearning examples;
    private final CachedRouter router;
    private final Dispatcher dispatcher;
    private final Feedback feedback;
    private final RoutingStats stats;
    private final EventLedger events;
    private final FeedbackStore feedbackStore;
    private final ScheduledExecutorService refresher;
    private final DispatcherMetrics metrics = new DispatcherMetrics();
    private final Clock clock;

    private BotCore(CoreSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.catalog = SpecialistCatalog.load(settings.knowledgeDir().resolve("routing.yaml"));
        this.knowledge = new KnowledgeBase(settings.knowledgeDir(), catalog, settings.knowledgeUrl());
        PromptTemplates templates = new PromptTemplates(settings.knowledgeDir(), catalog);
        this.database = Database.open(settings.databaseUrl(), settings.databaseUser(), settings.databasePassword());
        TextAnalyzer analyzer = TextAnalyzer.forRouting(catalog.settings());
        this.feedbackStore = new FeedbackStore(database, clock);
        RoutingModel model = RoutingModel.train(catalog, knowledge, analyzer);
        this.examples = new TeamLearning(feedbackStore, model);
        examples.reload();
        this.router = new CachedRouter(new WeightedRouter(model, examples), examples,
                settings.cacheSize(), settings.cacheTtl(), Ticker.systemTicker());
        DecisionLog decisions = new DecisionLog(database, clock);
        this.dispatcher = new Dispatcher(router, decisions, new ReplyComposer(catalog, templates), metrics);
        metrics.watchCache(router::stats);
        this.feedback = new Feedback(decisions, feedbackStore, catalog, examples::reload, metrics);
        this.stats = new RoutingStats(database, catalog, clock);
        this.events = new EventLedger(database, clock);
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
        LOG.info("bot core ready: {} specialists, {} knowledge sections, {} learned examples, database {}",
                catalog.specialists().size(), knowledge.sections().size(), examples.size(), database.description());
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

    private void refreshLearning() {
        try {
            examples.reload();
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

    public SpecialistCatalog catalog() {
        return catalog;
    }

    public KnowledgeBase knowledge() {
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

    public CachedRouter cache() {
        return router;
    }

    public TeamLearning examples() {
        return examples;
    }

    /** Every stored correction with its task, for keyword suggestions. */
    public java.util.List<FeedbackStore.CorrectionRow> feedbackRows() {
        return feedbackStore.corrections();
    }

    /** The process's operational figures, for {@code /metrics} and for adapters to count platform calls. */
    public DispatcherMetrics metrics() {
        return metrics;
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
