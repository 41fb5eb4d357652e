package dev.dispatcher.discord;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits long text into fenced code blocks that each fit one Discord message (2,000 characters), cutting between
 * lines where it can. Code blocks keep user text from rendering as mentions or markdown.
 */
final class CodeBlocks {

    /** Discord's limit on a message's content. */
    static final int MESSAGE_LIMIT = 2000;

    private static final String OPEN = "```\n";
    private static final String CLOSE = "\n```";

    private CodeBlocks() {}

    /**
     * @param header shown above the first block (plain markdown, no user text), or empty
     * @param body   the text to fence; it is made safe with {@link UserText#insideCodeBlock}
     * @return one message content per block, each at most {@value #MESSAGE_LIMIT} characters
     */
    static List<String> split(String header, String body) {
        String safe = UserText.insideCodeBlock(body).strip();
        String prefix = header.isEmpty() ? "" : header + "\n";
        List<String> messages = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        for (String line : safe.split("\n", -1)) {
            String rest = line;
            while (true) {
                int room = MESSAGE_LIMIT - OPEN.length() - CLOSE.length() - (messages.isEmpty() ? prefix.length() : 0);
                int separator = block.length() == 0 ? 0 : 1;
                if (block.length() + separator + rest.length() <= room) {
                    block.append(separator == 0 ? "" : "\n").append(rest);
                    break;
                }
                if (block.length() == 0) {
                    // a single line longer than a whole message: cut it
                    block.append(rest, 0, room);
                    rest = rest.substring(room);
                }
                messages.add((messages.isEmpty() ? prefix : "") + OPEN + block + CLOSE);
                block.setLength(0);
            }
        }
        if (block.length() > 0 || messages.isEmpty()) {
            messages.add((messages.isEmpty() ? prefix : "") + OPEN + block + CLOSE);
        }
        return messages;
    }
}
