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
 * Loads the knowledge-base folder into a {@link KnowledgeSnapshot} and builds the router from it. Start-up and every
 * reload come through {@link #load()}; {@link #buildRouter} is the one place a router is made, for {@code check} and
 * {@code eval} too.
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

    /**
     * Trains the routing model on the files' examples, then builds the router, its learning from the stored corrections
     * and cache, and the composer.
     */
    KnowledgeSnapshot build(KnowledgeFiles files) {
        RoutingModel model = trainModel(files);
        TeamLearning learning = new TeamLearning(corrections, model, settings.teachPerHour());
        learning.reload();
        CachedRouter router = new CachedRouter(new WeightedRouter(model, learning), learning, settings.cacheSize(),
                settings.cacheTtl(), files.catalog().settings().maxTaskChars(), Ticker.systemTicker());
        return new KnowledgeSnapshot(files, learning, router, new ReplyComposer(files.catalog(), files.templates()));
    }

    /** The routing model for one knowledge-base version, trained on its labelled examples. */
    public static RoutingModel trainModel(KnowledgeFiles files) {
        return RoutingModel.train(files.catalog(), files.knowledge(), TextAnalyzer.forRouting(files.catalog().settings()));
    }

    /**
     * The router for one knowledge-base version: the one place a router is built.
     *
     * @param learned what it learned from corrections; {@link CorrectionMemory#none()} for a router of the files alone
     */
    public static Router buildRouter(KnowledgeFiles files, CorrectionMemory learned) {
        return new WeightedRouter(trainModel(files), learned);
    }
}
