package dev.dispatcher.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dispatcher.routing.TextAnalyzer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The example classifier")
class ExampleClassifierTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();

    private final ExampleClassifier classifier = new ExampleClassifier(List.of(
            example("people keep getting bounced to the sign-in page", "auth-system-architect"),
            example("kicked out after a quarter of an hour of work", "auth-system-architect"),
            example("the orders listing is slow to load", "database-architect"),
            example("archive old rows from the orders history", "database-architect")));

    @Test
    @DisplayName("pools the words of several examples: a task phrased like none of them alone still finds its owner")
    void poolsExamples() {
        Map<String, Double> p = classifier.probabilities(analyzer.contentTerms("bounced out after a quarter of an hour"));
        assertThat(p.get("auth-system-architect")).isGreaterThan(0.9);
    }

    @Test
    @DisplayName("gives probabilities that sum to one over the specialists it was trained on")
    void probabilitiesSumToOne() {
        Map<String, Double> p = classifier.probabilities(analyzer.contentTerms("the orders page is slow"));
        assertThat(p).containsOnlyKeys("auth-system-architect", "database-architect");
        assertThat(p.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(p.get("database-architect")).isGreaterThan(p.get("auth-system-architect"));
    }

    @Test
    @DisplayName("says nothing about a task that shares no word with any example")
    void silentOnUnknownWords() {
        assertThat(classifier.probabilities(analyzer.contentTerms("zebra crossing"))).isEmpty();
        assertThat(new ExampleClassifier(List.of()).probabilities(analyzer.contentTerms("orders"))).isEmpty();
    }

    private Map.Entry<List<String>, String> example(String text, String specialist) {
        return Map.entry(analyzer.contentTerms(text), specialist);
    }
}
