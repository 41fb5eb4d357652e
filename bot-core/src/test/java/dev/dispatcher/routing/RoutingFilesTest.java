package dev.dispatcher.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dispatcher.knowledge.KnowledgeBase;
import dev.dispatcher.knowledge.PromptTemplates;
import dev.dispatcher.testkit.MiniKnowledgeBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("What is wrong with a knowledge-base file itself is said plainly")
class RoutingFilesTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a YAML syntax error names the file, the line and the column")
    void syntaxErrorHasLineAndColumn() {
        // GIVEN routing.yaml with line 3 indented one space too little
        MiniKnowledgeBase kb = MiniKnowledgeBase.in(dir).editRouting("  minConfidence: 0.30", " minConfidence: 0.30");

        assertThatThrownBy(() -> SpecialistCatalog.load(kb.routingFile()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(kb.routingFile() + ": line 3, column 2: not valid YAML: ");
    }

    @Test
    @DisplayName("a tab used for indentation is reported where it is")
    void tabIndentation() {
        MiniKnowledgeBase kb = MiniKnowledgeBase.in(dir).editRouting("  minEvidence: 1.0", "\tminEvidence: 1.0");

        assertThatThrownBy(() -> SpecialistCatalog.load(kb.routingFile()))
                .hasMessageStartingWith(kb.routingFile() + ": line 4, column 1: not valid YAML: ")
                .hasMessageContaining("TAB");
    }

    @Test
    @DisplayName("a missing routing.yaml is 'not found'")
    void missingFile() {
        Path file = dir.resolve("routing.yaml");

        assertThatThrownBy(() -> SpecialistCatalog.load(file)).isInstanceOf(ConfigException.class)
                .hasMessage(file + ": not found");
    }

    @Test
    @DisplayName("a routing.yaml that is not UTF-8 says so, with the line and byte, not that it is missing")
    void notUtf8() throws Exception {
        MiniKnowledgeBase kb = MiniKnowledgeBase.in(dir);
        String latin1 = MiniKnowledgeBase.ROUTING.replace("description: Widgets", "description: Widgets für alle");
        Files.write(kb.routingFile(), latin1.getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> SpecialistCatalog.load(kb.routingFile()))
                .hasMessageStartingWith(kb.routingFile() + ": not valid UTF-8 text (line 12, byte ")
                .message().doesNotContain("not found");
    }

    @Test
    @DisplayName("a document that is not UTF-8 stops start-up naming it; one that is not there still falls back")
    void documentNotUtf8() throws Exception {
        MiniKnowledgeBase kb = MiniKnowledgeBase.in(dir);
        SpecialistCatalog catalog = SpecialistCatalog.load(kb.routingFile());
        Files.write(dir.resolve("docs/beta.md"), "# Beta\n\nGadgets für alle.\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> new KnowledgeBase(dir, catalog, null)).isInstanceOf(ConfigException.class)
                .hasMessage(dir.resolve("docs/beta.md") + ": the document of beta-architect cannot be read: not valid UTF-8 text (line 3, byte 18); save it as UTF-8");

        kb.delete("docs/beta.md");
        assertThat(new KnowledgeBase(dir, catalog, null).isMissing("beta-architect")).isTrue();
    }

    @Test
    @DisplayName("a template that is not UTF-8 names the template and why")
    void templateNotUtf8() throws Exception {
        MiniKnowledgeBase kb = MiniKnowledgeBase.in(dir);
        Files.write(dir.resolve("templates/alpha.txt"), "Tâche: {user_task}\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> new PromptTemplates(dir, SpecialistCatalog.load(kb.routingFile())))
                .hasMessageStartingWith(dir.resolve("templates/alpha.txt") + ": cannot read the template: not valid UTF-8 text (line 1");
    }
}
