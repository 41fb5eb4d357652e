package dev.dispatcher.routing;

import dev.dispatcher.knowledge.KnowledgeLink;
import java.util.List;

/**
 * The outcome of routing one task: who owns it, how sure the router is, and the evidence behind it.
 *
 * @param specialist        id of the specialist that gets the task
 * @param confidence        0 to 1; the chosen specialist's share of the evidence (0 for a task with none)
 * @param evidence          every specialist with any evidence, strongest first
 * @param alternates        close runners-up to name as "also consider", strongest first
 * @param fallback          why the task fell back, or {@code null} when it was routed on evidence
 * @param knowledge         the chosen specialist's document and best section
 * @param routedChars       how many characters of the task were routed
 * @param truncated         whether the task was longer than the routing limit and cut to {@code routedChars}
 * @param correctionsUsed   how many earlier corrections changed the outcome; 0 when they did not decide it
 * @param suggestedKeywords words that would make an unclear task routable, shown when asking for clarification
 */
public record RoutingDecision(
        String specialist,
        double confidence,
        List<Evidence> evidence,
        List<String> alternates,
        FallbackReason fallback,
        KnowledgeLink knowledge,
        int routedChars,
        boolean truncated,
        int correctionsUsed,
        List<String> suggestedKeywords) {

    public RoutingDecision {
        evidence = List.copyOf(evidence);
        alternates = List.copyOf(alternates);
        suggestedKeywords = List.copyOf(suggestedKeywords);
    }

    public boolean isFallback() {
        return fallback != null;
    }

    public boolean decidedByCorrections() {
        return correctionsUsed > 0;
    }

    /** All keywords detected, across specialists, in evidence order. */
    public List<String> detectedKeywords() {
        return evidence.stream().flatMap(e -> e.keywords().stream()).distinct().toList();
    }
}
