package dev.dispatcher.answer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an answer into pages that each fit one chat message, between paragraphs where it can and never so that a code
 * block is broken: a block too long for one page is closed at the page's end and opened again, with its language, on
 * the next. A block still open while the answer streams is shown closed.
 */
public final class AnswerPages {

    private static final String FENCE = "```";

    private AnswerPages() {}

    /**
     * @param limit the most characters a page may have (at least 40)
     * @return the pages, at least one (empty for empty text)
     */
    public static List<String> split(String text, int limit) {
        if (limit < 40) {
            throw new IllegalArgumentException("a page needs room for a code block: " + limit);
        }
        List<String> pages = new ArrayList<>();
        StringBuilder page = new StringBuilder();
        for (String block : blocks(text.strip())) {
            for (String piece : block.length() <= limit ? List.of(block) : pieces(block, limit)) {
                if (page.length() > 0 && page.length() + 2 + piece.length() > limit) {
                    pages.add(page.toString());
                    page.setLength(0);
                }
                if (page.length() > 0) {
                    page.append("\n\n");
                }
                page.append(piece);
            }
        }
        if (page.length() > 0 || pages.isEmpty()) {
            pages.add(page.toString());
        }
        return pages;
    }

    /** Paragraphs and whole code blocks (each closed), in order. */
    static List<String> blocks(String text) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inFence = false;
        for (String line : text.split("\n", -1)) {
            boolean fenceLine = line.strip().startsWith(FENCE);
            if (!inFence && fenceLine) {
                flush(blocks, current);
                inFence = true;
                current.append(line);
            } else if (inFence) {
                current.append('\n').append(line);
                if (fenceLine) {
                    inFence = false;
                    flush(blocks, current);
                }
            } else if (line.isBlank()) {
                flush(blocks, current);
            } else {
                current.append(current.length() > 0 ? "\n" : "").append(line);
            }
        }
        if (inFence) {
            current.append('\n').append(FENCE);
        }
        flush(blocks, current);
        return blocks;
    }

    private static void flush(List<String> blocks, StringBuilder current) {
        if (current.length() > 0) {
            blocks.add(current.toString());
            current.setLength(0);
        }
    }

    /** A block longer than a page, cut between lines; a code block is closed and reopened at each cut. */
    private static List<String> pieces(String block, int limit) {
        String[] lines = block.split("\n", -1);
        boolean code = lines[0].strip().startsWith(FENCE) && lines.length > 1;
        String open = code ? lines[0] : "";
        List<String> body = new ArrayList<>(List.of(lines).subList(code ? 1 : 0, code ? lines.length - 1 : lines.length));
        int room = code ? limit - open.length() - FENCE.length() - 2 : limit;
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : body) {
            String rest = line;
            while (rest.length() > room) {
                if (current.length() > 0) {
                    pieces.add(wrap(current.toString(), code, open));
                    current.setLength(0);
                }
                pieces.add(wrap(rest.substring(0, room), code, open));
                rest = rest.substring(room);
            }
            if (current.length() > 0 && current.length() + 1 + rest.length() > room) {
                pieces.add(wrap(current.toString(), code, open));
                current.setLength(0);
            }
            current.append(current.length() > 0 ? "\n" : "").append(rest);
        }
        if (current.length() > 0) {
            pieces.add(wrap(current.toString(), code, open));
        }
        return pieces;
    }

    private static String wrap(String lines, boolean code, String open) {
        return code ? open + "\n" + lines + "\n" + FENCE : lines;
    }
}
