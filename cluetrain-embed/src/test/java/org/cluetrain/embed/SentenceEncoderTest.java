package org.cluetrain.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SentenceEncoderTest {
  private static final SentenceEncoder ENCODER = SentenceEncoder.load(1);

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void embeddingsHaveUnitLengthAndTheSameTextGivesTheSameVector() {
    float[] v = ENCODER.embed("The flight was delayed again");
    assertThat(v).hasSize(SentenceEncoder.DIMENSIONS);
    assertThat(dot(v, v)).isCloseTo(1, within(1e-3));
    assertThat(ENCODER.embed("The flight was delayed again")).containsExactly(v);
  }

  @Test
  void textsAboutTheSameThingAreCloserThanUnrelatedOnes() {
    float[] delayed = ENCODER.embed("My flight was delayed by three hours");
    float[] late = ENCODER.embed("The plane left three hours late");
    float[] recipe = ENCODER.embed("Add two eggs and stir the flour in slowly");
    assertThat(dot(delayed, late)).isGreaterThan(dot(delayed, recipe) + 0.2);
  }

  @Test
  void oddTextDoesNotFail() {
    assertThat(ENCODER.embed(" ")).containsOnly(0f).hasSize(SentenceEncoder.DIMENSIONS);
    assertThat(ENCODER.embed("🙂🙂 https://t.co/x")).hasSize(SentenceEncoder.DIMENSIONS);
    assertThat(ENCODER.embed("word ".repeat(2_000))).hasSize(SentenceEncoder.DIMENSIONS);
  }

  @Test
  void atLeastOneThread() {
    assertThatThrownBy(() -> SentenceEncoder.load(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads was 0, expected at least 1");
  }
}
