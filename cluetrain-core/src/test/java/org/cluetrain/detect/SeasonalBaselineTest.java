package org.cluetrain.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

class SeasonalBaselineTest {
  private static final long MONDAY = WeeklyRate.MONDAY.getEpochSecond() / 3600;

  @Test
  void hoursOfTheWeekStartOnMondayInUtc() {
    assertThat(SeasonalBaseline.hourOfWeek(MONDAY)).isZero();
    assertThat(SeasonalBaseline.hourOfWeek(MONDAY + 10)).isEqualTo(10);
    // 1970-01-01 00:00 UTC was a Thursday
    assertThat(SeasonalBaseline.hourOfWeek(0)).isEqualTo(3 * 24);
    assertThat(SeasonalBaseline.hourOfWeek(MONDAY + 7 * 24 - 1)).isEqualTo(167);
  }

  @Test
  void mondayMorningIsNotSundayNight() {
    LongToDoubleFunction rate = WeeklyRate.weekly(40);
    SeasonalBaseline.Estimate estimate = SeasonalBaseline.learn(rate, MONDAY, MONDAY + 4 * 7 * 24);
    long nextMonday10 = MONDAY + 4 * 7 * 24 + 10;
    long nextSunday23 = MONDAY + 4 * 7 * 24 + 6 * 24 + 23;
    assertThat(estimate.expected(nextMonday10)).isBetween(36.0, 44.0);
    assertThat(estimate.expected(nextSunday23)).isBetween(1.0, 2.5);
    assertThat(estimate.dispersion()).isLessThan(0.01);
  }

  @Test
  void oneWeekOfHistoryAlreadyKnowsTheShapeOfADay() {
    SeasonalBaseline.Estimate estimate =
        SeasonalBaseline.learn(WeeklyRate.weekly(40), MONDAY, MONDAY + 7 * 24);
    long tuesday14 = MONDAY + 8 * 24 + 14;
    long tuesday03 = MONDAY + 8 * 24 + 3;
    assertThat(estimate.expected(tuesday14)).isGreaterThan(5 * estimate.expected(tuesday03));
  }

  @Test
  void aPastSpikeIsClippedSoItDoesNotRaiseTheBaseline() {
    long spikeHour = MONDAY + 7 * 24 + 10; // the second Monday, 10:00
    LongToDoubleFunction base = WeeklyRate.weekly(40);
    LongToDoubleFunction withSpike = hour -> hour == spikeHour ? 2_000 : base.applyAsDouble(hour);
    SeasonalBaseline.Estimate estimate =
        SeasonalBaseline.learn(withSpike, MONDAY, MONDAY + 4 * 7 * 24);
    assertThat(estimate.expected(MONDAY + 4 * 7 * 24 + 10)).isLessThan(60);
  }

  @Test
  void anEmptyHistoryStillExpectsALittle() {
    SeasonalBaseline.Estimate estimate = SeasonalBaseline.learn(hour -> 0, MONDAY, MONDAY + 48);
    assertThat(estimate.expected(MONDAY + 50)).isEqualTo(1.0 / 48);
    assertThat(estimate.describe()).startsWith("2 days of history (0 posts)");
  }

  @Test
  void expectedOverAWindowWeighsTheHoursItCovers() {
    SeasonalBaseline.Estimate estimate =
        SeasonalBaseline.learn(WeeklyRate.weekly(40), MONDAY, MONDAY + 4 * 7 * 24);
    long hour = MONDAY + 4 * 7 * 24 + 10;
    long from = Instant.ofEpochSecond(hour * 3600 + 1800).toEpochMilli();
    long to = from + 3_600_000;
    double expected = estimate.expected(from, to);
    double halfAndHalf = (estimate.expected(hour) + estimate.expected(hour + 1)) / 2;
    assertThat(expected).isCloseTo(halfAndHalf, org.assertj.core.api.Assertions.within(1e-9));
  }
}
