package dev.dispatcher.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dispatcher.routing.ConfigException;
import dev.dispatcher.routing.RoutingDecision;
import dev.dispatcher.routing.TextAnalyzer;
import dev.dispatcher.testkit.MiniKnowledgeBase;
import dev.dispatcher.testkit.Routing;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Labelled example requests")
class LabelledExamplesTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();

    @Test
    @DisplayName("vote for their specialist in proportion to the square of their similarity to the task")
    void votes() {
        LabelledExamples examples = new LabelledExamples(List.of(
                example("people keep getting bounced to the sign-in page", "auth-system-architect"),
                example("the orders listing is slow", "database-architect")), 0.15);
        Map<String, Double> votes = examples.votes(analyzer.contentTerms("people get bounced to the sign-in page after lunch"));
        assertThat(votes).containsOnlyKeys("auth-system-architect");
        assertThat(votes.get("auth-system-architect")).isBetween(0.3, 1.0);
    }

    @Test
    @DisplayName("stay silent below the minimum similarity")
    void minimumSimilarity() {
        LabelledExamples examples = new LabelledExamples(List.of(
                example("people keep getting bounced to the sign-in page every single morning", "auth-system-architect")), 0.5);
        assertThat(examples.votes(analyzer.contentTerms("page layout"))).isEmpty();
    }

    @Test
    @DisplayName("route a task that no keyword names, when it is phrased like a labelled example")
    void routeUnlistedPhrasing(@TempDir Path dir) {
        MiniKnowledgeBase kb = MiniKnowledgeBase.in(dir)
                .editRouting("activationTemplate: templates/activation.txt", "activationTemplate: templates/activation.txt\nexamples: examples.jsonl")
                .write("examples.jsonl", "{\"text\": \"the sprocket rattles loudly\", \"label\": \"beta-architect\", \"also\": []}\n");
        RoutingDecision decision = Routing.withConfigIn(kb.root()).send("my sprocket rattles").decision();
        assertThat(decision.specialist()).isEqualTo("beta-architect");
        assertThat(decision.detectedKeywords()).isEmpty();
    }

    @Test
    @DisplayName("are configuration: an unknown specialist in the file stops start-up naming the file and line")
    void malformedFile(@TempDir Path dir) {
        MiniKnowledgeBase kb = MiniKnowledgeBase.in(dir)
                .editRouting("activationTemplate: templates/activation.txt", "activationTemplate: templates/activation.txt\nexamples: examples.jsonl")
                .write("examples.jsonl", "{\"text\": \"ok\", \"label\": \"beta-architect\"}\n{\"text\": \"x\", \"label\": \"gamma-architect\"}\n");
        assertThatThrownBy(() -> Routing.withConfigIn(kb.root())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("examples.jsonl:2").hasMessageContaining("gamma-architect");
    }

    private Map.Entry<List<String>, String> example(String text, String specialist) {
        return Map.entry(analyzer.contentTerms(text), specialist);
    }
}
