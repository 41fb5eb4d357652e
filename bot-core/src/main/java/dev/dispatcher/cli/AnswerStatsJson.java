package dev.dispatcher.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dispatcher.answer.AnswerStats;
import java.time.Duration;
import java.util.List;

/** {@code stats --json}'s {@code answers}: the last 30 days' answers per specialist and per template, with their rates. */
final class AnswerStatsJson {

    private AnswerStatsJson() {}

    static ObjectNode of(AnswerStats stats) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("days", 30);
        node.set("bySpecialist", rows(stats.bySpecialist(Duration.ofDays(30))));
        node.set("byTemplate", rows(stats.byTemplate(Duration.ofDays(30))));
        return node;
    }

    private static ArrayNode rows(List<AnswerStats.Row> rows) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (AnswerStats.Row r : rows) {
            ObjectNode row = out.addObject();
            row.put("name", r.name());
            row.put("answers", r.answers());
            row.put("byModel", r.byModel());
            row.put("cited", r.cited());
            row.put("helpful", r.helpful());
            row.put("unhelpful", r.unhelpful());
            if (r.helpfulRate() != null) {
                row.put("helpfulRate", r.helpfulRate());
            }
            if (r.citeRate() != null) {
                row.put("citeRate", r.citeRate());
            }
        }
        return out;
    }
}
