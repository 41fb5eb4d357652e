package dev.dispatcher.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dispatcher.knowledge.KnowledgeLink;
import dev.dispatcher.knowledge.Section;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A model answer's citations become links")
class CitationsTest {

    private static Excerpt excerpt(String heading) {
        Section section = new Section("auth-system-architect", heading, Section.anchorOf(heading), "## " + heading + "\ntext");
        return new Excerpt(section, new KnowledgeLink("kb/auth.md", "kb/auth.md#" + section.anchor(), heading), "text", 1.0);
    }

    private final List<Excerpt> given = List.of(excerpt("Tokens"), excerpt("Lockout"), excerpt("Sessions"));

    @Test
    @DisplayName("[1] and [2, 3] cite those sections, in order; numbers it was not given are ignored")
    void citedSections() {
        assertThat(Citations.cited("Rotate [3] and lock [1, 2]; see also [9].", given))
                .extracting(e -> e.section().heading()).containsExactly("Tokens", "Lockout", "Sessions");
    }

    @Test
    @DisplayName("an answer that cites nothing cites nothing")
    void noCitations() {
        assertThat(Citations.cited("Just do it.", given)).isEmpty();
    }

    @Test
    @DisplayName("the Sources line and the seed's response header are dropped: the links replace them")
    void sourcesLineDropped() {
        assertThat(Citations.withoutSourcesLine("✅ SPECIALIST RESPONSE:\nRotate it [1].\n\nSources: [1], [2]"))
                .isEqualTo("Rotate it [1].");
        assertThat(Citations.withoutSourcesLine("Rotate it [1]. Sources: [1]")).isEqualTo("Rotate it [1].");
    }
}
