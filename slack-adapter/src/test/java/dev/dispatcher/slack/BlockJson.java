package dev.dispatcher.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads posted Block Kit JSON back the way Slack would: the texts shown and the menu's option values. */
final class BlockJson {

    private BlockJson() {}

    /** Every {@code text} string anywhere in the blocks, JSON escapes resolved. */
    static List<String> texts(String blocksJson) {
        List<String> found = new ArrayList<>();
        collect(JsonParser.parseString(blocksJson), "text", found);
        return found;
    }

    /** Every option {@code value} in the blocks, in order. */
    static List<String> optionValues(String blocksJson) {
        List<String> found = new ArrayList<>();
        collect(JsonParser.parseString(blocksJson), "value", found);
        return found;
    }

    private static void collect(JsonElement element, String key, List<String> found) {
        if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(e -> collect(e, key, found));
        } else if (element.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
                if (entry.getKey().equals(key) && entry.getValue().isJsonPrimitive()) {
                    found.add(entry.getValue().getAsString());
                } else {
                    collect(entry.getValue(), key, found);
                }
            }
        }
    }
}
