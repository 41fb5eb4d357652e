package dev.dispatcher.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * A message ready for {@code chat.postMessage}: its Block Kit blocks and the plain-text fallback that notifications
 * and screen readers show. Both are already escaped.
 *
 * @param text   the fallback text (and the whole message when there are no blocks)
 * @param blocks the blocks, possibly empty
 */
record SlackMessage(String text, List<LayoutBlock> blocks) {

    SlackMessage {
        blocks = List.copyOf(blocks);
    }

    static SlackMessage text(String text) {
        return new SlackMessage(text, List.of());
    }
}
