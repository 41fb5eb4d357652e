package dev.dispatcher.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dispatcher.knowledge.TextFile;
import dev.dispatcher.routing.SpecialistCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a JSON-lines evaluation file, naming the line of any malformed or unknown entry. */
public final class EvalCases {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalCases() {}

    /**
     * @throws IllegalArgumentException naming the file and line that is not a valid case
     * @throws TextFile.Unreadable when the file cannot be read, saying why
     */
    public static List<EvalCase> read(Path file, SpecialistCatalog catalog) throws TextFile.Unreadable {
        List<EvalCase> cases = new ArrayList<>();
        List<String> lines = TextFile.read(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = file + ":" + (i + 1);
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(where + ": not JSON (" + e.getOriginalMessage() + ")");
            }
            if (!node.path("text").isTextual() || !node.path("label").isTextual()) {
                throw new IllegalArgumentException(where + ": needs \"text\" and \"label\" strings");
            }
            List<String> also = new ArrayList<>();
            node.path("also").forEach(n -> also.add(n.asText()));
            for (String id : concat(node.path("label").asText(), also)) {
                if (catalog.find(id).isEmpty()) {
                    throw new IllegalArgumentException(where + ": unknown specialist '" + id + "'");
                }
            }
            String kind = node.path("kind").isTextual() ? node.path("kind").asText() : null;
            cases.add(new EvalCase(node.path("text").asText(), node.path("label").asText(), also, kind));
        }
        return cases;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest);
        all.add(0, first);
        return all;
    }
}
