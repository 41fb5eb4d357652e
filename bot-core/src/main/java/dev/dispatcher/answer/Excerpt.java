package dev.dispatcher.answer;

import dev.dispatcher.knowledge.KnowledgeLink;
import dev.dispatcher.knowledge.Section;

/**
 * The start of one knowledge-base section, cut between paragraphs and never inside a code block, with its link.
 *
 * @param section the section
 * @param link    where it is read in full
 * @param text    the excerpt, heading excluded
 * @param score   how well it matched the task (BM25)
 */
public record Excerpt(Section section, KnowledgeLink link, String text, double score) {

    /** The start of {@code body} (a section, its heading line first), at most about {@code maxChars} long. */
    static String cut(String body, int maxChars) {
        String[] lines = body.strip().split("\n", -1);
        StringBuilder out = new StringBuilder();
        boolean inCode = false;
        int start = lines.length > 0 && lines[0].startsWith("#") ? 1 : 0;
        int lastSafeEnd = 0;
        for (int i = start; i < lines.length; i++) {
            String line = lines[i];
            if (out.length() + line.length() + 1 > maxChars && lastSafeEnd > 0) {
                return out.substring(0, lastSafeEnd).strip() + "\n…";
            }
            if (line.startsWith("```")) {
                inCode = !inCode;
            }
            out.append(line).append('\n');
            if (!inCode && (line.isBlank() || line.startsWith("```"))) {
                lastSafeEnd = out.length();
            }
        }
        String all = out.toString().strip();
        if (all.length() <= maxChars || lastSafeEnd == 0) {
            return inCode ? all + "\n```" : all;
        }
        return out.substring(0, lastSafeEnd).strip() + "\n…";
    }
}
