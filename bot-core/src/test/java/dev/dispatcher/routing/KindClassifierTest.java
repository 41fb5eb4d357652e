package dev.dispatcher.routing;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The classifier that tells how likely a task is of each convention's kind. */
@DisplayName("The kind classifier")
class KindClassifierTest {

    @Test
    @DisplayName("softens naive Bayes when words that always come together would each count as evidence")
    void softensCorrelatedWords() {
        // Five words that always come together; every kind-1 example has them, and so do a third of kind-0 examples,
        // so they say "kind 1" with about 0.75 probability, not the near-certainty five independent votes would give.
        List<List<String>> examples = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> together = List.of("alpha", "beta", "gamma", "delta", "epsilon");
        for (int i = 0; i < 300; i++) {
            List<String> words = new ArrayList<>(List.of("word" + (i % 17), "other" + (i % 5)));
            int kind = i % 2;
            if (kind == 1 || i % 6 == 0) {
                words.addAll(together);
            }
            examples.add(words);
            labels.add(kind);
        }
        KindClassifier.Vocabulary vocabulary = KindClassifier.Vocabulary.of(examples);
        List<int[]> features = examples.stream().map(vocabulary::numbers).toList();

        double temperature = KindClassifier.fitBayesTemperature(2, vocabulary, features, labels);
        double[] fitted = KindClassifier.train(2, vocabulary, features, labels, temperature).probabilities(together);
        double[] raw = KindClassifier.train(2, vocabulary, features, labels, 1.0).probabilities(together);

        assertThat(temperature).isGreaterThan(1.5);
        assertThat(raw[1]).isGreaterThan(0.85);
        assertThat(fitted[1]).isLessThan(raw[1]).isBetween(0.6, 0.85);
    }
}
