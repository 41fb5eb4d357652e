package dev.dispatcher.routing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.dispatcher.knowledge.TextFile;
import java.nio.file.Path;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML (or JSON) configuration file into a tree, so that what is wrong with the file itself is said plainly:
 * {@code not found}, {@code not valid UTF-8 text (line 4, byte 97)}, or a syntax error at its line and column. Duplicate
 * keys are errors, not silently last-one-wins.
 */
final class YamlFile {

    private static final YAMLMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private YamlFile() {}

    /**
     * @return the document's root, or {@code null} for an empty file
     * @throws ConfigException naming the file and, for a syntax error, the line and column
     */
    static JsonNode read(Path file) {
        String text;
        try {
            text = TextFile.read(file);
        } catch (TextFile.Unreadable e) {
            throw new ConfigException(file, "", e.reason());
        }
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw syntaxError(file, e);
        }
    }

    private static ConfigException syntaxError(Path file, JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
                return new ConfigException(file, at(marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1),
                        "not valid YAML: " + marked.getProblem() + context);
            }
        }
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 1 ? "" : at(location.getLineNr(), location.getColumnNr());
        return new ConfigException(file, where, "not valid YAML: " + e.getOriginalMessage());
    }

    private static String at(int line, int column) {
        return "line " + line + ", column " + column;
    }
}
