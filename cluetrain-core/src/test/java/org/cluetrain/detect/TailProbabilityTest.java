package org.cluetrain.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TailProbabilityTest {

  @Test
  void poissonTailMatchesTheSumOfItsTerms() {
    // P(X ≥ 5 | 1) = 1 − e^−1 (1 + 1 + 1/2 + 1/6 + 1/24)
    double expected = 1 - Math.exp(-1) * (1 + 1 + 0.5 + 1.0 / 6 + 1.0 / 24);
    assertThat(TailProbability.poissonAtLeast(5, 1)).isCloseTo(expected, within(1e-12));
    assertThat(TailProbability.poissonAtLeast(0, 3)).isEqualTo(1);
  }

  @Test
  void farTailsKeepTheirRelativeAccuracy() {
    // P(X ≥ 30 | 2) is dominated by its first term, e^−2 2^30 / 30!
    double first = Math.exp(-2 + 30 * Math.log(2) - TailProbability.logGamma(31));
    double tail = TailProbability.poissonAtLeast(30, 2);
    assertThat(tail / first).isBetween(1.0, 1.1);
    assertThat(TailProbability.surprise(tail)).isGreaterThan(20);
  }

  @Test
  void binomialTailMatchesCounting() {
    // P(K ≥ 8 | 10, ½) = (45 + 10 + 1) / 1024
    assertThat(TailProbability.binomialAtLeast(8, 10, 0.5)).isCloseTo(56 / 1024.0, within(1e-12));
  }

  @Test
  void negativeBinomialIsPoissonWithoutDispersionAndHeavierWithIt() {
    assertThat(TailProbability.negativeBinomialAtLeast(130, 100, 0))
        .isEqualTo(TailProbability.poissonAtLeast(130, 100));
    double poisson = TailProbability.poissonAtLeast(130, 100);
    double overDispersed = TailProbability.negativeBinomialAtLeast(130, 100, 0.05);
    assertThat(poisson).isLessThan(0.005);
    // with Var = 100 + 0.05·100² = 600, 130 is barely more than one standard deviation out
    assertThat(overDispersed).isBetween(0.05, 0.3);
  }

  @Test
  void logGammaOfIntegersIsTheLogOfFactorials() {
    assertThat(TailProbability.logGamma(11)).isCloseTo(Math.log(3_628_800), within(1e-10));
  }
}
