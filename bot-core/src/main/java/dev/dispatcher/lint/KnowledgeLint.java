package dev.dispatcher.lint;

import dev.dispatcher.app.KnowledgeFiles;
import dev.dispatcher.routing.Router;
import dev.dispatcher.routing.TextAnalyzer;
import java.util.ArrayList;
import java.util.List;

/**
 * Lints a knowledge base that loads: what {@code ./dispatcher check} lists as warnings after start-up's own checks
 * passed. Each kind of lint is a class of its own in this package.
 */
public final class KnowledgeLint {

    private KnowledgeLint() {}

    /**
     * @param files  the knowledge base, read as start-up reads it
     * @param router the router built from {@code files} (without learned corrections), to route the examples
     * @return the warnings, routing.yaml's first, then the examples', the templates', the documents'
     */
    public static List<Warning> of(KnowledgeFiles files, Router router) {
        List<Warning> warnings = new ArrayList<>();
        warnings.addAll(new SharedTerms().check(files.catalog(), TextAnalyzer.forRouting(files.catalog().settings())));
        warnings.addAll(new ExampleRoutes().check(files.catalog(), files.knowledge().labelledExamples(), router));
        warnings.addAll(new TemplatePlaceholders().check(files.folder(), files.catalog()));
        warnings.addAll(new DocumentStructure().check(files.folder(), files.catalog()));
        return warnings;
    }
}
