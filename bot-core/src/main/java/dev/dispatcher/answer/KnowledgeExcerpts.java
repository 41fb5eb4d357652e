package dev.dispatcher.answer;

import dev.dispatcher.knowledge.KnowledgeBase;
import dev.dispatcher.knowledge.Section;
import dev.dispatcher.knowledge.SectionIndex;
import dev.dispatcher.routing.RoutingDecision;
import dev.dispatcher.routing.TextAnalyzer;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the knowledge-base sections an answer quotes: the section the routing reply links first, then the next best
 * sections of any document while they score close to it. Immutable and thread-safe.
 */
public final class KnowledgeExcerpts {

    /** A further section is quoted when it scores at least this share of the first one. */
    static final double CLOSE = 0.75;

    private final KnowledgeBase knowledge;
    private final SectionIndex index;
    private final TextAnalyzer analyzer;

    public KnowledgeExcerpts(KnowledgeBase knowledge, TextAnalyzer analyzer) {
        this.knowledge = knowledge;
        this.analyzer = analyzer;
        this.index = new SectionIndex(knowledge.sections(), analyzer);
        analyzer.vocabularyComplete();
    }

    /**
     * The sections for a task, best first.
     *
     * @param limit    at most this many
     * @param maxChars each excerpt's length, roughly
     * @param onlyClose whether sections after the first must score close to it (an answer shown as is); a prompt takes
     *                 the best {@code limit} whatever their scores
     */
    public List<Excerpt> forTask(String task, RoutingDecision decision, int limit, int maxChars, boolean onlyClose) {
        List<SectionIndex.Match> ranked = index.ranked(analyzer.contentTerms(task));
        List<SectionIndex.Match> chosen = new ArrayList<>();
        SectionIndex.Match linked = linkedSection(decision, ranked);
        if (linked != null) {
            chosen.add(linked);
        }
        double first = linked != null ? linked.score() : ranked.isEmpty() ? 0 : ranked.get(0).score();
        for (SectionIndex.Match match : ranked) {
            if (chosen.size() >= limit) {
                break;
            }
            boolean already = chosen.stream().anyMatch(c -> c.section().equals(match.section()));
            if (!already && (!onlyClose || chosen.isEmpty() || (first > 0 && match.score() >= CLOSE * first))) {
                chosen.add(match);
            }
        }
        return chosen.stream().map(m -> new Excerpt(m.section(), knowledge.link(m.section().specialistId(), m.section()),
                Excerpt.cut(m.section().body(), maxChars), m.score())).toList();
    }

    /** The section the routing reply links, with its score for this task (0 when it shares no term with it). */
    private SectionIndex.Match linkedSection(RoutingDecision decision, List<SectionIndex.Match> ranked) {
        String heading = decision.knowledge() == null ? null : decision.knowledge().section();
        if (heading == null) {
            return null;
        }
        for (SectionIndex.Match match : ranked) {
            Section s = match.section();
            if (s.specialistId().equals(decision.specialist()) && s.heading().equals(heading)) {
                return match;
            }
        }
        return knowledge.sections().stream()
                .filter(s -> s.specialistId().equals(decision.specialist()) && s.heading().equals(heading))
                .findFirst().map(s -> new SectionIndex.Match(s, 0)).orElse(null);
    }
}
