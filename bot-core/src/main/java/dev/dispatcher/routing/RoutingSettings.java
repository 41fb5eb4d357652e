package dev.dispatcher.routing;

/**
 * Thresholds and weights that shape how evidence becomes a decision; read once from the routing configuration.
 *
 * @param fallbackSpecialist specialist that takes unclear or unroutable tasks
 * @param minConfidence      below this confidence the task falls back and the reply asks for clarification
 * @param minEvidence        below this raw score for the best specialist nothing backend-specific was detected
 * @param alsoConsiderShare  about this share of replies names a runner-up under "also consider": the router picks the
 *                           probability a runner-up needs from held-out examples so that the closest calls are named
 * @param maxTaskChars       only this many characters of a task are routed; the reply says when it was cut
 * @param keywordWeight      multiplier for configured keyword and phrase matches
 * @param knowledgeWeight    score the best-matching knowledge-base document contributes at full strength
 * @param exampleWeight      score a fully agreeing, identical corrected example contributes
 * @param crossDomainSpecialist who coordinates a failure that spans domains (the seed: troubleshooting), or
 *                           {@code null} to disable the rule
 * @param crossDomainBonus   added to that specialist's score for each domain beyond the first that the task names,
 *                           when the task also describes a failure
 * @param labelledExampleWeight what a labelled example identical to the task adds (scaled by similarity squared)
 * @param labelledExampleMinSimilarity examples less similar than this to a task do not vote
 * @param exampleClassifierWeight what the example classifier adds for a specialist it is sure of (times its probability)
 * @param endpointPrefix     the path prefix every endpoint shares ({@code /api/v1}), or {@code null}: inside a quoted
 *                           URL it only says "an endpoint", which a pattern counts once, so its words are not terms
 */
public record RoutingSettings(
        String fallbackSpecialist,
        double minConfidence,
        double minEvidence,
        double alsoConsiderShare,
        int maxTaskChars,
        double keywordWeight,
        double knowledgeWeight,
        double exampleWeight,
        String crossDomainSpecialist,
        double crossDomainBonus,
        double labelledExampleWeight,
        double labelledExampleMinSimilarity,
        double exampleClassifierWeight,
        java.util.regex.Pattern endpointPrefix) {

    /** The defaults used when the configuration does not name a value. */
    public static RoutingSettings defaults() {
        return new RoutingSettings("backend-overview-architect", 0.30, 1.0, 0.25, 2000, 1.0, 2.0, 6.0,
                null, 2.0, 12.0, 0.15, 3.0, null);
    }
}
