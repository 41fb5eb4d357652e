package dev.dispatcher.reply;

import dev.dispatcher.knowledge.KnowledgeLink;
import dev.dispatcher.knowledge.PromptTemplates;
import dev.dispatcher.routing.Evidence;
import dev.dispatcher.routing.FallbackReason;
import dev.dispatcher.routing.RoutingDecision;
import dev.dispatcher.routing.Specialist;
import dev.dispatcher.routing.SpecialistCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a decision into a {@link Reply}: the analysis lines every front end shows, the notes, and the activation
 * prompt. If a specialist's prompt cannot be rendered, it retries once with the fallback specialist and then gives
 * manual routing guidance, as the seed's "activation fails" scenario prescribes. Thread-safe.
 */
public final class ReplyComposer {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyComposer.class);

    private final SpecialistCatalog catalog;
    private final PromptTemplates templates;

    public ReplyComposer(SpecialistCatalog catalog, PromptTemplates templates) {
        this.catalog = catalog;
        this.templates = templates;
    }

    public Reply compose(String decisionId, String task, RoutingDecision decision) {
        Specialist specialist = catalog.get(decision.specialist());
        String shownTask = decision.truncated()
                ? task.strip().substring(0, decision.routedChars()) + " […]"
                : task.strip();
        return new Reply(decisionId, task, decision, specialist, analysis(decision, specialist),
                prompt(decisionId, decision, shownTask), notes(task, decision, decisionId != null));
    }

    private List<Reply.Line> analysis(RoutingDecision decision, Specialist specialist) {
        List<Reply.Line> lines = new ArrayList<>();
        List<String> keywords = decision.detectedKeywords();
        lines.add(new Reply.Line("Keywords detected", keywords.isEmpty() ? "none" : "[" + String.join(", ", keywords) + "]"));
        lines.add(new Reply.Line("Routing to", specialist.id() + (decision.isFallback() ? " (fallback)" : "")));
        lines.add(new Reply.Line("Confidence", percent(decision.confidence())));
        if (!decision.alternates().isEmpty()) {
            lines.add(new Reply.Line(decision.isFallback() ? "Possible specialists" : "Also consider",
                    String.join(", ", decision.alternates().stream().map(id -> id + " (" + percent(confidenceOf(decision, id)) + ")").toList())));
        }
        KnowledgeLink link = decision.knowledge();
        lines.add(new Reply.Line("Knowledge base", link.url() + (link.hasSection() ? " (section: " + link.section() + ")" : "")));
        return lines;
    }

    private List<String> notes(String task, RoutingDecision decision, boolean stored) {
        List<String> notes = new ArrayList<>();
        if (decision.truncated()) {
            notes.add(String.format(Locale.ROOT, "The task is %,d characters long; only its first %,d were routed%s.",
                    task.strip().length(), decision.routedChars(), stored ? " and kept" : ""));
        }
        if (decision.decidedByCorrections()) {
            notes.add("Earlier corrections decided this route (" + decision.correctionsUsed()
                    + (decision.correctionsUsed() == 1 ? " correction" : " corrections") + " of similar tasks).");
        }
        FallbackReason fallback = decision.fallback();
        if (fallback != null) {
            notes.add(fallback.message());
            if (fallback.kind() == FallbackReason.Kind.EMPTY_TASK) {
                notes.add("Describe the backend task, e.g. \"Fix JWT token expiration\" or \"the entities endpoint returns 404\".");
            } else if (fallback.kind() != FallbackReason.Kind.MISSING_DOCUMENT) {
                notes.add("Could you say more about the task? Words such as " + String.join(", ", decision.suggestedKeywords())
                        + " help route it to a specialist.");
            }
        } else if (decision.alternates().size() > 0) {
            notes.add("Close call: " + String.join(" and ", decision.alternates())
                    + " could also help; the specialist may want to collaborate.");
        }
        return notes;
    }

    private String prompt(String decisionId, RoutingDecision decision, String task) {
        Specialist chosen = catalog.get(decision.specialist());
        try {
            return templates.render(chosen.id(), chosen.document(), task);
        } catch (RuntimeException first) {
            LOG.error("decision {}: prompt for {} failed; retrying with {}", decisionId, chosen.id(), catalog.fallback().id(), first);
            try {
                return templates.render(catalog.fallback().id(), catalog.fallback().document(), task);
            } catch (RuntimeException second) {
                LOG.error("decision {}: fallback prompt failed too; giving manual routing guidance", decisionId, second);
                return manualGuidance();
            }
        }
    }

    private String manualGuidance() {
        StringBuilder out = new StringBuilder("The specialist prompt could not be prepared. Route the task by hand:\n");
        for (Specialist s : catalog.specialists()) {
            out.append("- ").append(s.id()).append(": ").append(s.description()).append(" (knowledgebase/").append(s.document()).append(")\n");
        }
        return out.toString().strip();
    }

    private static double confidenceOf(RoutingDecision decision, String id) {
        return decision.evidence().stream().filter(e -> e.specialist().equals(id)).mapToDouble(Evidence::confidence).findFirst().orElse(0);
    }

    static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }
}
