package org.cluetrain.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  @Test
  void theBestTemperatureIsTheGridPointWithTheLowestLoss() {
    assertThat(Calibration.bestTemperature(t -> (t - 1.37) * (t - 1.37)))
        .isCloseTo(1.35, within(1e-12));
    assertThat(Calibration.bestTemperature(t -> -t)).isCloseTo(5.0, within(1e-12));
    assertThat(Calibration.bestTemperature(t -> t)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void ofEqualLossesTheLowestTemperatureWinsAndWithoutAFiniteLossItIsOne() {
    assertThat(Calibration.bestTemperature(t -> t < 2 ? 1.0 : 0.0)).isCloseTo(2.0, within(1e-12));
    assertThat(Calibration.bestTemperature(t -> Double.POSITIVE_INFINITY)).isEqualTo(1.0);
  }

  @Test
  void fittingOnOverconfidentProbabilitiesCoolsThemDown() {
    // says 0.99 for its answer and is right half the time: a temperature above 1 calibrates it
    List<String> labels = List.of("yes", "no");
    List<String> gold = List.of("yes", "no", "yes", "no");
    double[][] says = {{0.99, 0.01}, {0.99, 0.01}, {0.01, 0.99}, {0.01, 0.99}};
    double raw = Calibration.ece(labels, gold, says);
    double t =
        Calibration.bestTemperature(
            x -> Calibration.ece(labels, gold, Calibration.scaled(says, x)));
    assertThat(t).isGreaterThan(1);
    assertThat(Calibration.ece(labels, gold, Calibration.scaled(says, t))).isLessThan(raw);
  }
}
