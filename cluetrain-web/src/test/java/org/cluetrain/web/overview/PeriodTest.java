package org.cluetrain.web.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.cluetrain.report.Period;
import org.junit.jupiter.api.Test;

class PeriodTest {
  static final Instant NOW = Instant.parse("2026-11-23T07:30:00Z");

  @Test
  void theDefaultIsTheLastThirtyDaysUpToToday() {
    Period period = Periods.of(null, null, null, NOW, NOW.minusSeconds(3600));
    assertThat(period.lastDate()).isEqualTo(LocalDate.parse("2026-11-23"));
    assertThat(period.firstDate()).isEqualTo(LocalDate.parse("2026-10-25"));
    assertThat(period.dates()).hasSize(30);
    assertThat(period.shiftedTo()).isNull();
  }

  @Test
  void dataOlderThanTheWindowMovesTheWindowToIt() {
    Instant latest = Instant.parse("2024-03-01T10:00:00Z");
    Period period = Periods.of("7", null, null, NOW, latest);
    assertThat(period.shiftedTo()).isEqualTo(latest);
    assertThat(period.lastDate()).isEqualTo(LocalDate.parse("2024-03-01"));
    assertThat(period.dates()).hasSize(7);
    // an explicit end is taken as it is
    assertThat(Periods.of("7", null, "2024-01-10", NOW, latest).shiftedTo()).isNull();
  }

  @Test
  void sinceAndUntilAreWholeDaysAndChecked() {
    Period period = Periods.of(null, "2026-11-01", "2026-11-03", NOW, null);
    assertThat(period.dates())
        .containsExactly(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-02"));
    assertThat(period.query()).isEqualTo("since=2026-11-01&until=2026-11-03");
    assertThatThrownBy(() -> Periods.of("12", null, null, NOW, null))
        .hasMessage("days must be 7, 30 or 90, was '12'");
    assertThatThrownBy(() -> Periods.of(null, "2026-11-03", "2026-11-01", NOW, null))
        .hasMessage("since must be before until");
    assertThatThrownBy(() -> Periods.of(null, "yesterday", null, NOW, null))
        .hasMessageContaining("is not a time");
  }
}
