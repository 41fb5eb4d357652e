package dev.dispatcher.eval;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** How well shown confidence matches how often the router is right. */
@DisplayName("Calibration")
class CalibrationTest {

    @Test
    @DisplayName("bins decisions by confidence and weighs each bin's gap by its count")
    void expectedError() {
        // 0.85 shown twice, right once: a gap of 0.35 over half the decisions; 0.95 shown twice, right twice: 0.05.
        Calibration c = Calibration.of(List.of(0.85, 0.85, 0.95, 0.95), List.of(true, false, true, true));

        assertThat(c.bins().get(8).count()).isEqualTo(2);
        assertThat(c.bins().get(8).accuracy()).isEqualTo(0.5);
        assertThat(c.expectedError()).isCloseTo((2 * 0.35 + 2 * 0.05) / 4, within(1e-9));
    }

    @Test
    @DisplayName("scores every decision alone: the Brier score and the log loss")
    void brierAndLogLoss() {
        Calibration c = Calibration.of(List.of(0.8, 0.6), List.of(true, false));

        assertThat(c.brierScore()).isCloseTo((0.04 + 0.36) / 2, within(1e-9));
        assertThat(c.logLoss()).isCloseTo(-(Math.log(0.8) + Math.log(0.4)) / 2, within(1e-9));
    }

    @Test
    @DisplayName("charges a sure and wrong decision a large but finite log loss")
    void sureAndWrong() {
        Calibration c = Calibration.of(List.of(1.0), List.of(false));

        assertThat(c.logLoss()).isFinite().isGreaterThan(10);
        assertThat(c.brierScore()).isEqualTo(1.0);
    }
}
