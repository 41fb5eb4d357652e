package dev.dispatcher.testkit;

import dev.dispatcher.knowledge.KnowledgeBase;
import dev.dispatcher.routing.CorrectionMemory;
import dev.dispatcher.routing.RoutingDecision;
import dev.dispatcher.routing.SpecialistCatalog;
import dev.dispatcher.routing.TextAnalyzer;
import dev.dispatcher.routing.WeightedRouter;
import java.nio.file.Path;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small language for routing specifications: {@code send("Fix JWT expiry").expectRoutedTo("auth-system-architect")}.
 * Uses the repository's real configuration and knowledge base, or any other folder.
 */
public final class Routing {

    private final SpecialistCatalog catalog;
    private final KnowledgeBase knowledge;
    private final WeightedRouter router;

    private Routing(Path knowledgeDir) {
        this.catalog = SpecialistCatalog.load(knowledgeDir.resolve("routing.yaml"));
        this.knowledge = new KnowledgeBase(knowledgeDir, catalog, null);
        this.router = new WeightedRouter(catalog, knowledge, TextAnalyzer.forRouting(catalog.settings()), CorrectionMemory.none());
    }

    /** Training on the repository's examples takes a second; the tests share one trained router (it is immutable). */
    private static volatile Routing repository;

    /** Routing as the repository configures it. */
    public static Routing withRepositoryConfig() {
        Routing shared = repository;
        if (shared == null) {
            synchronized (Routing.class) {
                if (repository == null) {
                    repository = new Routing(Repository.knowledgebase());
                }
                shared = repository;
            }
        }
        return shared;
    }

    /** Routing with the configuration and documents in another folder. */
    public static Routing withConfigIn(Path knowledgeDir) {
        return new Routing(knowledgeDir);
    }

    public Outcome send(String task) {
        return new Outcome(task, router.route(task));
    }

    public WeightedRouter router() {
        return router;
    }

    public SpecialistCatalog catalog() {
        return catalog;
    }

    public KnowledgeBase knowledge() {
        return knowledge;
    }

    /** The decision for one task, with fluent expectations. */
    public record Outcome(String task, RoutingDecision decision) {

        public Outcome expectRoutedTo(String specialist) {
            assertThat(decision.specialist()).as("route of \"%s\" (evidence %s)", task, decision.evidence()).isEqualTo(specialist);
            return this;
        }

        public Outcome expectDetected(String... keywords) {
            assertThat(decision.detectedKeywords()).as("keywords of \"%s\"", task).contains(keywords);
            return this;
        }

        public Outcome expectNotDetected(String... keywords) {
            assertThat(decision.detectedKeywords()).as("keywords of \"%s\"", task).doesNotContain(keywords);
            return this;
        }

        public Outcome expectNoFallback() {
            assertThat(decision.fallback()).as("fallback of \"%s\"", task).isNull();
            return this;
        }
    }
}
