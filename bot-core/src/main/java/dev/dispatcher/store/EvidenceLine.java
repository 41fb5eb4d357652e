package dev.dispatcher.store;

import dev.dispatcher.routing.Evidence;
import dev.dispatcher.routing.RoutingDecision;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The evidence behind a decision as one line a person reads, kept with the decision so that a reviewer later sees
 * what the router saw then, not what it would see today: the strongest specialists with their confidence, the
 * keywords found, and what the knowledge base and the examples added; and the fallback, if the task fell back.
 */
final class EvidenceLine {

    /** How many specialists the line names: the winner and the closest runners-up. */
    static final int SPECIALISTS = 3;

    private EvidenceLine() {}

    static String of(RoutingDecision decision) {
        String evidence = decision.evidence().stream().limit(SPECIALISTS).map(EvidenceLine::specialist)
                .collect(Collectors.joining("; "));
        if (evidence.isEmpty()) {
            evidence = "no evidence";
        }
        return decision.isFallback() ? evidence + "; fell back: " + decision.fallback().kind().name().toLowerCase(Locale.ROOT)
                : evidence;
    }

    private static String specialist(Evidence e) {
        StringBuilder line = new StringBuilder(e.specialist()).append(' ').append(Math.round(e.confidence() * 100)).append('%');
        if (!e.keywords().isEmpty()) {
            line.append(" keywords ").append(String.join(", ", e.keywords())).append(" (");
            oneDecimal(line, e.keywordScore()).append(')');
        }
        if (e.knowledgeScore() > 0) {
            oneDecimal(line.append(", knowledge base "), e.knowledgeScore());
        }
        if (e.exampleScore() > 0) {
            oneDecimal(line.append(", examples "), e.exampleScore());
        }
        return line.toString();
    }

    /** Appends a non-negative score rounded to one decimal ({@code String.format} cost a few per cent of a route's CPU). */
    static StringBuilder oneDecimal(StringBuilder line, double value) {
        long tenths = Math.round(value * 10);
        return line.append(tenths / 10).append('.').append(tenths % 10);
    }
}
