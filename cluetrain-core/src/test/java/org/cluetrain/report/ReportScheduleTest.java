package org.cluetrain.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportScheduleTest {
  @ParameterizedTest
  @CsvSource({
    "'weekly on monday 08:00', '0 8 * * 1'",
    "'Weekly on Sunday at 7:30', '30 7 * * 0'",
    "'daily 06:05', '5 6 * * *'",
    "'monthly on 1 08:00', '0 8 1 * *'",
    "'*/15 9-17 * * 1-5', '*/15 9-17 * * 1-5'"
  })
  void phrasesAreReadAsCron(String text, String cron) {
    assertThat(ReportSchedule.parse(text).cron()).isEqualTo(cron);
  }

  @ParameterizedTest
  @CsvSource({
    // Sunday 6 December 2026, 04:20 → Monday 08:00
    "'weekly on monday 08:00', 2026-12-06T04:20Z, 2026-12-07T08:00Z",
    // exactly on the time: the next one, a week later
    "'weekly on monday 08:00', 2026-12-07T08:00Z, 2026-12-14T08:00Z",
    "'monthly on 1 08:00', 2026-12-06T04:20Z, 2027-01-01T08:00Z",
    "'0 12 29 2 *', 2026-12-06T04:20Z, 2028-02-29T12:00Z",
    "'*/15 9-17 * * 1-5', 2026-12-04T17:50Z, 2026-12-07T09:00Z",
    "'0 8 * * 7', 2026-12-06T09:00Z, 2026-12-13T08:00Z"
  })
  void theNextTimeIsTheFirstMatchingMinuteAfter(String text, String after, String next) {
    assertThat(
            ReportSchedule.parse(text)
                .next(ZonedDateTime.parse(after).withZoneSameInstant(ZoneOffset.UTC)))
        .isEqualTo(ZonedDateTime.parse(next));
  }

  @Test
  void badInputIsNamed() {
    assertThatThrownBy(() -> ReportSchedule.parse("weekly on moonday 08:00"))
        .hasMessage("'moonday' is not a day of the week such as monday");
    assertThatThrownBy(() -> ReportSchedule.parse("0 8 * 13 *"))
        .hasMessage("the month field '13' is not a number, range or step within 1–12");
    assertThatThrownBy(() -> ReportSchedule.parse("monthly on 31 08:00"))
        .hasMessageContaining("must be 1 to 28");
  }

  @Test
  void periodsAreWholeCalendarPeriodsAndTheirPredecessors() {
    LocalDate nov10 = LocalDate.parse("2026-11-10");
    Period month = PeriodKind.MONTH.containing(nov10);
    assertThat(month.firstDate()).isEqualTo(LocalDate.parse("2026-11-01"));
    assertThat(month.lastDate()).isEqualTo(LocalDate.parse("2026-11-30"));
    assertThat(PeriodKind.MONTH.previous(month).firstDate())
        .isEqualTo(LocalDate.parse("2026-10-01"));
    Period week = PeriodKind.WEEK.containing(nov10);
    assertThat(week.firstDate()).isEqualTo(LocalDate.parse("2026-11-09"));
    assertThat(week.dates()).hasSize(7);
    assertThat(PeriodKind.QUARTER.containing(nov10).firstDate())
        .isEqualTo(LocalDate.parse("2026-10-01"));
    assertThat(PeriodKind.QUARTER.containing(nov10).lastDate())
        .isEqualTo(LocalDate.parse("2026-12-31"));
    assertThat(PeriodKind.YEAR.lastBefore(nov10).firstDate())
        .isEqualTo(LocalDate.parse("2025-01-01"));
    Period custom = PeriodKind.days(LocalDate.parse("2026-11-05"), LocalDate.parse("2026-11-15"));
    Period before = PeriodKind.CUSTOM.previous(custom);
    assertThat(before.firstDate()).isEqualTo(LocalDate.parse("2026-10-26"));
    assertThat(before.lastDate()).isEqualTo(LocalDate.parse("2026-11-04"));
  }
}
