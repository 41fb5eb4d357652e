package dev.dispatcher.app;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.dispatcher.feedback.TeamLearning;
import dev.dispatcher.reply.ReplyComposer;
import dev.dispatcher.routing.CachedRouter;
import dev.dispatcher.routing.CorrectionMemory;
import dev.dispatcher.routing.Router;
import dev.dispatcher.routing.RoutingModel;
import dev.dispatcher.routing.TextAnalyzer;
import dev.dispatcher.routing.WeightedRouter;
import dev.dispatcher.store.FeedbackStore;

/**
 * Loads the knowledge-base folder into a {@link KnowledgeSnapshot} and builds the router from it: the model trained
 * on the version's examples, the team's learning from stored corrections on top, the decision cache around both.
 * Start-up and every reload come through {@link #load()}; {@code check} and {@code eval} through {@link #buildRouter}.
 * Routers are made here and nowhere else.
 */
public final class KnowledgeLoader {

    private final CoreSettings settings;
    private final FeedbackStore corrections;

    /**
     * @param settings    where the folder is, link base and cache size
     * @param corrections the stored corrections the router learns from
     */
    public KnowledgeLoader(CoreSettings settings, FeedbackStore corrections) {
        this.settings = settings;
        this.corrections = corrections;
    }

    /**
     * Reads the folder as it is now and builds everything from it.
     *
     * @throws dev.dispatcher.routing.ConfigException naming what is unusable; nothing is built then
     */
    public KnowledgeSnapshot load() {
        return build(KnowledgeFiles.read(settings.knowledgeDir(), settings.knowledgeUrl()));
    }

    /** Builds the router, its learning and cache, and the composer from files already read. */
    KnowledgeSnapshot build(KnowledgeFiles files) {
        RoutingModel model = trainModel(files);
        TeamLearning learning = new TeamLearning(corrections, model);
        learning.reload();
        CachedRouter router = new CachedRouter(router(model, learning), learning, settings.cacheSize(), settings.cacheTtl(),
                Ticker.systemTicker());
        return new KnowledgeSnapshot(files, learning, router, new ReplyComposer(files.catalog(), files.templates()));
    }

    /**
     * The router for one knowledge-base version without a store of corrections, for {@code check} and {@code eval}.
     *
     * @param learned what it learned from corrections; {@link CorrectionMemory#none()} for a router of the files alone
     */
    public static Router buildRouter(KnowledgeFiles files, CorrectionMemory learned) {
        return router(trainModel(files), learned);
    }

    /** The model trained on the version's examples: every router of the version starts from it. */
    private static RoutingModel trainModel(KnowledgeFiles files) {
        return RoutingModel.train(files.catalog(), files.knowledge(), TextAnalyzer.forRouting(files.catalog().settings()));
    }

    /** The one place a router is made. */
    private static WeightedRouter router(RoutingModel model, CorrectionMemory learned) {
        return new WeightedRouter(model, learned);
    }
}
