package dev.dispatcher.reply;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dispatcher.routing.Evidence;
import dev.dispatcher.routing.RoutingDecision;

/** A routing decision as the JSON that {@code ./dispatcher route --json} prints and scripts consume. */
public final class DecisionJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DecisionJson() {}

    public static ObjectNode of(RoutingDecision decision) {
        ObjectNode root = JSON.createObjectNode();
        root.put("specialist", decision.specialist());
        root.put("confidence", round(decision.confidence()));
        ObjectNode keywords = root.putObject("keywords");
        for (Evidence e : decision.evidence()) {
            if (!e.keywords().isEmpty()) {
                ArrayNode list = keywords.putArray(e.specialist());
                e.keywords().forEach(list::add);
            }
        }
        ArrayNode alternates = root.putArray("alternates");
        decision.alternates().forEach(alternates::add);
        ObjectNode kb = root.putObject("knowledgeBase");
        kb.put("path", decision.knowledge().path());
        kb.put("link", decision.knowledge().url());
        if (decision.knowledge().hasSection()) {
            kb.put("section", decision.knowledge().section());
        }
        if (decision.isFallback()) {
            root.put("fallbackReason", decision.fallback().kind().name().toLowerCase(java.util.Locale.ROOT));
            root.put("fallbackMessage", decision.fallback().message());
            ArrayNode suggestions = root.putArray("suggestedKeywords");
            decision.suggestedKeywords().forEach(suggestions::add);
        }
        root.put("truncated", decision.truncated());
        root.put("correctionsUsed", decision.correctionsUsed());
        ArrayNode evidence = root.putArray("evidence");
        for (Evidence e : decision.evidence()) {
            ObjectNode node = evidence.addObject();
            node.put("specialist", e.specialist());
            node.put("confidence", round(e.confidence()));
            node.put("keywordScore", round(e.keywordScore()));
            node.put("knowledgeScore", round(e.knowledgeScore()));
            node.put("exampleScore", round(e.exampleScore()));
            node.put("learnedScore", round(e.learnedScore()));
        }
        return root;
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
