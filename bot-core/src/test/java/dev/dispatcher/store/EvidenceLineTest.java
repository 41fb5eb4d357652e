package dev.dispatcher.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The evidence line a reviewer reads shows each score with one decimal, rounded half up. */
@DisplayName("The evidence line")
class EvidenceLineTest {

    @Test
    @DisplayName("shows a score with one decimal, rounded half up, as String.format did")
    void showsScoresWithOneDecimal() {
        for (double score : new double[] {0, 0.04, 0.05, 0.25, 1, 2.349, 2.35, 12.96, 123.45}) {
            assertThat(EvidenceLine.oneDecimal(new StringBuilder(), score).toString())
                    .as("score %s", score)
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", score));
        }
    }
}
