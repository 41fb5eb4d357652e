package dev.dispatcher.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CodeBlocksTest {

    @Test
    @DisplayName("short text is one fenced block under its header")
    void shortText() {
        assertThat(CodeBlocks.split("**Prompt**", "line 1\nline 2")).containsExactly("**Prompt**\n```\nline 1\nline 2\n```");
    }

    @Test
    @DisplayName("long text is cut between lines, each block within 2,000 characters, nothing lost")
    void cutsBetweenLines() {
        // GIVEN
        String body = String.join("\n", java.util.Collections.nCopies(100, "x".repeat(49)));

        // WHEN
        List<String> blocks = CodeBlocks.split("header", body);

        // THEN
        assertThat(blocks).hasSize(3).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(2000).startsWith(b.startsWith("header") ? "header\n```\n" : "```\n").endsWith("\n```"));
        String rejoined = String.join("\n", blocks.stream().map(b -> b.replaceFirst("^(header\\n)?```\\n", "").replaceFirst("\\n```$", "")).toList());
        assertThat(rejoined).isEqualTo(body);
    }

    @Test
    @DisplayName("a single line longer than a message is cut inside the line")
    void cutsLongLine() {
        // WHEN
        List<String> blocks = CodeBlocks.split("", "y".repeat(5000));

        // THEN
        assertThat(blocks).hasSize(3).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(2000));
        assertThat(String.join("", blocks).replace("```", "").replace("\n", "")).hasSize(5000);
    }
}
