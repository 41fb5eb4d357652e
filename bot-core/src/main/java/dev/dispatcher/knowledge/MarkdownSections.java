package dev.dispatcher.knowledge;

import java.util.ArrayList;
import java.util.List;

/** Splits a Markdown document at its level-two headings; text before the first one belongs to the title section. */
final class MarkdownSections {

    private MarkdownSections() {}

    static List<Section> split(String specialistId, String markdown) {
        List<Section> out = new ArrayList<>();
        String heading = null;
        StringBuilder body = new StringBuilder();
        boolean inCode = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            }
            boolean h1 = !inCode && line.startsWith("# ");
            boolean h2 = !inCode && line.startsWith("## ");
            if (h1 && heading == null) {
                heading = line.substring(2).trim();
            } else if (h2) {
                add(out, specialistId, heading, body);
                heading = line.substring(3).trim();
                body.setLength(0);
            }
            body.append(line).append('\n');
        }
        add(out, specialistId, heading, body);
        return out;
    }

    private static void add(List<Section> out, String specialistId, String heading, StringBuilder body) {
        if (heading != null && !body.toString().isBlank()) {
            out.add(new Section(specialistId, heading, Section.anchorOf(heading), body.toString()));
        }
    }
}
