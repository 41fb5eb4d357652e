package dev.dispatcher.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.util.List;
import java.util.Locale;

/** Routing statistics as terminal text, as chat text, and as JSON. */
public final class StatsRenderer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatsRenderer() {}

    public static String text(List<RoutingStats.Window> windows, CacheStats cache) {
        StringBuilder out = new StringBuilder("📊 ROUTING STATISTICS\n");
        for (RoutingStats.Window w : windows) {
            out.append(String.format(Locale.ROOT, "%n%s: %d routed, %d flagged (%d flags), %d corrected, accuracy %s%n",
                    w.name(), w.routed(), w.flagged(), w.flags(), w.corrected(), percent(w.accuracy())));
            for (RoutingStats.SpecialistLine line : w.specialists()) {
                if (line.routed() > 0 || line.flagged() > 0) {
                    out.append(String.format(Locale.ROOT, "  %-28s %5d routed  %4d flagged  %4d corrected  accuracy %s%n",
                            line.specialist(), line.routed(), line.flagged(), line.corrected(), percent(line.accuracy())));
                }
            }
            if (!w.confusions().isEmpty()) {
                out.append("  most frequent confusions:\n");
                w.confusions().forEach(c -> out.append(String.format(Locale.ROOT, "    %s → %s: %d%n", c.routedTo(), c.correctedTo(), c.count())));
            }
        }
        if (cache != null) {
            out.append(String.format(Locale.ROOT, "%ncache: %d hits, %d misses, hit ratio %s%n",
                    cache.hitCount(), cache.missCount(), percent(cache.requestCount() == 0 ? null : cache.hitRate())));
        }
        return out.toString();
    }

    public static ObjectNode json(List<RoutingStats.Window> windows, CacheStats cache) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("windows");
        for (RoutingStats.Window w : windows) {
            ObjectNode node = list.addObject();
            node.put("window", w.name());
            node.put("routed", w.routed());
            node.put("flagged", w.flagged());
            node.put("flags", w.flags());
            node.put("corrections", w.corrections());
            node.put("corrected", w.corrected());
            putAccuracy(node, w.accuracy());
            ObjectNode per = node.putObject("specialists");
            for (RoutingStats.SpecialistLine line : w.specialists()) {
                ObjectNode s = per.putObject(line.specialist());
                s.put("routed", line.routed());
                s.put("flagged", line.flagged());
                s.put("corrected", line.corrected());
                putAccuracy(s, line.accuracy());
            }
            ArrayNode confusions = node.putArray("confusions");
            for (RoutingStats.Confusion c : w.confusions()) {
                confusions.addObject().put("routedTo", c.routedTo()).put("correctedTo", c.correctedTo()).put("count", c.count());
            }
        }
        if (cache != null) {
            root.putObject("cache").put("hits", cache.hitCount()).put("misses", cache.missCount())
                    .put("hitRatio", cache.requestCount() == 0 ? 0 : Math.round(cache.hitRate() * 1000) / 1000.0);
        }
        return root;
    }

    private static void putAccuracy(ObjectNode node, Double accuracy) {
        if (accuracy == null) {
            node.putNull("accuracy");
        } else {
            node.put("accuracy", Math.round(accuracy * 1000) / 1000.0);
        }
    }

    static String percent(Double fraction) {
        return fraction == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
