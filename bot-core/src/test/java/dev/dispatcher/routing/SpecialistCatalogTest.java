package dev.dispatcher.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dispatcher.testkit.MiniKnowledgeBase;
import dev.dispatcher.testkit.Repository;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The specialist catalog")
class SpecialistCatalogTest {

    @Test
    @DisplayName("holds the seed's eight specialists, with the seed's ids, in the seed's priority order")
    void seedSpecialists() {
        SpecialistCatalog catalog = SpecialistCatalog.load(Repository.knowledgebase().resolve("routing.yaml"));
        assertThat(catalog.specialists()).extracting(Specialist::id).containsExactly(
                "auth-system-architect", "database-architect", "troubleshooting-architect", "api-endpoints-architect",
                "user-management-architect", "services-architect", "config-architect", "backend-overview-architect");
        assertThat(catalog.fallback().id()).isEqualTo("backend-overview-architect");
        assertThat(catalog.specialists()).allSatisfy(s -> {
            assertThat(s.keywords()).isNotEmpty();
            assertThat(s.displayName()).isNotBlank();
            assertThat(Repository.knowledgebase().resolve(s.document())).exists();
            assertThat(Repository.knowledgebase().resolve(s.template())).exists();
        });
    }

    @Test
    @DisplayName("takes a ninth specialist from the file alone")
    void ninthSpecialist(@TempDir Path dir) {
        MiniKnowledgeBase kb = MiniKnowledgeBase.in(dir).write("routing.yaml", MiniKnowledgeBase.ROUTING + MiniKnowledgeBase.GAMMA);
        assertThat(SpecialistCatalog.load(kb.routingFile()).get("gamma-architect").keywords()).containsEntry("gizmo", 3.0);
    }

    @Test
    @DisplayName("rejects a missing field, naming the file and the field")
    void missingField(@TempDir Path dir) {
        MiniKnowledgeBase kb = MiniKnowledgeBase.in(dir).editRouting("    displayName: Beta\n", "");
        assertThatThrownBy(() -> SpecialistCatalog.load(kb.routingFile()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(kb.routingFile().toString())
                .hasMessageContaining("specialists[1].displayName");
    }

    @Test
    @DisplayName("rejects a weight that is not a positive number")
    void badWeight(@TempDir Path dir) {
        MiniKnowledgeBase kb = MiniKnowledgeBase.in(dir).editRouting("gadget: 3", "gadget: heavy");
        assertThatThrownBy(() -> SpecialistCatalog.load(kb.routingFile()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("specialists[1].keywords.gadget");
    }

    @Test
    @DisplayName("rejects a duplicate id, a duplicate key and an unknown fallback")
    void duplicatesAndUnknownFallback(@TempDir Path dir) {
        MiniKnowledgeBase duplicateId = MiniKnowledgeBase.in(dir.resolve("a")).editRouting("id: beta-architect", "id: alpha-architect");
        assertThatThrownBy(() -> SpecialistCatalog.load(duplicateId.routingFile())).hasMessageContaining("duplicate id");
        MiniKnowledgeBase duplicateKey = MiniKnowledgeBase.in(dir.resolve("b")).editRouting("{gadget: 3,", "{gadget: 3, gadget: 2,");
        assertThatThrownBy(() -> SpecialistCatalog.load(duplicateKey.routingFile())).isInstanceOf(ConfigException.class).hasMessageContaining("gadget");
        MiniKnowledgeBase fallback = MiniKnowledgeBase.in(dir.resolve("c")).editRouting("fallbackSpecialist: overview-architect", "fallbackSpecialist: nobody");
        assertThatThrownBy(() -> SpecialistCatalog.load(fallback.routingFile())).hasMessageContaining("settings.fallbackSpecialist");
    }

    @Test
    @DisplayName("rejects an invalid pattern and a file that is not YAML at all")
    void badPatternAndGarbage(@TempDir Path dir) {
        MiniKnowledgeBase pattern = MiniKnowledgeBase.in(dir.resolve("a")).editRouting("    keywords: {architecture: 3}",
                "    keywords: {architecture: 3}\n    patterns:\n      - {name: broken, regex: \"([a-z\", weight: 2}");
        assertThatThrownBy(() -> SpecialistCatalog.load(pattern.routingFile())).hasMessageContaining("specialists[2].patterns[0].regex");
        MiniKnowledgeBase prefix = MiniKnowledgeBase.in(dir.resolve("c")).editRouting("fallbackSpecialist: overview-architect",
                "fallbackSpecialist: overview-architect\n  endpointPrefix: \"/api/(v1\"");
        assertThatThrownBy(() -> SpecialistCatalog.load(prefix.routingFile())).hasMessageContaining("settings.endpointPrefix");
        MiniKnowledgeBase garbage = MiniKnowledgeBase.in(dir.resolve("b")).write("routing.yaml", "specialists: [unclosed\n  : :");
        assertThatThrownBy(() -> SpecialistCatalog.load(garbage.routingFile())).isInstanceOf(ConfigException.class)
                .hasMessageContaining(garbage.routingFile().toString());
    }

    @Test
    @DisplayName("rejects a missing file with a message naming it")
    void missingFile(@TempDir Path dir) {
        assertThatThrownBy(() -> SpecialistCatalog.load(dir.resolve("nope.yaml"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.yaml");
    }
}
