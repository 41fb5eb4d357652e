package dev.dispatcher.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dispatcher.feedback.AccuracySeries;
import dev.dispatcher.feedback.RoutingStats;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures the charts draw, as JSON the page carries in {@code data-} attributes (escaped like any attribute):
 * the script that draws them is a static file, so the Content-Security-Policy needs no inline script.
 */
final class ChartData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChartData() {}

    /** {@code [{"start":"2026-01-05","routed":12,"corrected":1,"accuracy":0.917}, …]} */
    static String series(List<AccuracySeries.Point> points) {
        ArrayNode list = JSON.createArrayNode();
        for (AccuracySeries.Point p : points) {
            ObjectNode point = list.addObject();
            point.put("start", Instant.ofEpochMilli(p.start()).atOffset(ZoneOffset.UTC).toLocalDate().toString());
            point.put("routed", p.routed());
            point.put("corrected", p.corrected());
            if (p.accuracy() == null) {
                point.putNull("accuracy");
            } else {
                point.put("accuracy", Math.round(p.accuracy() * 1000) / 1000.0);
            }
        }
        return list.toString();
    }

    /**
     * The confusion matrix: {@code {"specialists":[…],"cells":[[correctedTo, routedTo, decisions], …]}}, indexes into
     * the specialists, which are the window's (in priority order) plus any a confusion names that it lacks.
     */
    static String matrix(RoutingStats.Window window) {
        List<String> ids = new ArrayList<>(window.specialists().stream().map(RoutingStats.SpecialistLine::specialist).toList());
        for (RoutingStats.Confusion c : window.confusions()) {
            for (String id : List.of(c.routedTo(), c.correctedTo())) {
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode names = root.putArray("specialists");
        ids.forEach(names::add);
        ArrayNode cells = root.putArray("cells");
        for (RoutingStats.Confusion c : window.confusions()) {
            cells.addArray().add(ids.indexOf(c.correctedTo())).add(ids.indexOf(c.routedTo())).add(c.count());
        }
        return root.toString();
    }
}
