package dev.dispatcher.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Rescaling the winner's probability as held-out examples say. */
@DisplayName("The winner's confidence rescaling")
class TopConfidenceTest {

    @Test
    @DisplayName("raises a confidence that held-out examples show too low, and lowers one they show too high")
    void mendsBothEnds() {
        // Held out, a winner shown at 0.55 is right 70 % of the time and one shown at 0.99 right 95 %.
        List<double[]> probabilities = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            boolean middle = i % 2 == 0;
            double shown = middle ? 0.55 : 0.99;
            boolean right = random.nextDouble() < (middle ? 0.70 : 0.95);
            probabilities.add(new double[] {shown, 1 - shown});
            labels.add(right ? 0 : 1);
        }

        TopConfidence fitted = TopConfidence.fit(probabilities, labels);

        assertThat(fitted.apply(new double[] {0.55, 0.45})[0]).isCloseTo(0.70, within(0.03));
        assertThat(fitted.apply(new double[] {0.99, 0.01})[0]).isCloseTo(0.95, within(0.02));
    }

    @Test
    @DisplayName("keeps the winner and the runners-up's proportions, and the probabilities sum to one")
    void keepsTheOrder() {
        TopConfidence scaling = new TopConfidence(0.7, 0.6);
        double[] p = scaling.apply(new double[] {0.1, 0.5, 0.3, 0.1});

        assertThat(p[1]).isGreaterThan(0.5);
        assertThat(p[2] / p[0]).isCloseTo(3.0, within(1e-9));
        assertThat(p[0] + p[1] + p[2] + p[3]).isCloseTo(1.0, within(1e-9));
    }

    @Test
    @DisplayName("leaves probabilities alone when too few held-out examples say anything")
    void tooFewExamples() {
        List<double[]> few = List.of(new double[] {0.6, 0.4}, new double[] {0.9, 0.1});
        assertThat(TopConfidence.fit(few, List.of(0, 1))).isEqualTo(TopConfidence.NONE);
        double[] p = {0.6, 0.4};
        assertThat(TopConfidence.NONE.apply(p)).isSameAs(p);
    }
}
