package dev.dispatcher.app;

import dev.dispatcher.dispatch.AnswerSource;
import dev.dispatcher.feedback.TeamLearning;
import dev.dispatcher.reply.ReplyComposer;
import dev.dispatcher.routing.CachedRouter;
import dev.dispatcher.routing.SpecialistCatalog;

/**
 * One version of the knowledge base with everything built from it: the router (behind a decision cache of its own, so
 * a new version never answers from the old one's cache), the learning from stored corrections it consults, and the
 * composer of replies. {@link LiveKnowledge} swaps whole snapshots. Immutable; its parts are thread-safe.
 *
 * @param files    what was read from the folder, and its version
 * @param learning stored corrections as the router uses them
 * @param router   the router, behind its cache
 * @param composer replies in this version's words and templates
 */
public record KnowledgeSnapshot(KnowledgeFiles files, TeamLearning learning, CachedRouter router, ReplyComposer composer)
        implements AnswerSource {

    public String version() {
        return files.version();
    }

    public SpecialistCatalog catalog() {
        return files.catalog();
    }
}
