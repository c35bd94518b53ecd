package org.cluetrain.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How long a report's period is. The calendar kinds are whole weeks (Monday to Sunday), months,
 * quarters and years in UTC; a custom period is the days it is given, compared with as many days
 * before it.
 */
public enum PeriodKind {
  WEEK,
  MONTH,
  QUARTER,
  YEAR,
  CUSTOM;

  /** The name used in the workspace file and the API. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PeriodKind of(String key) {
    for (PeriodKind kind : values()) {
      if (kind.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown period '"
            + key
            + "', expected one of "
            + String.join(", ", Arrays.stream(values()).map(PeriodKind::key).toList()));
  }

  /**
   * The period of this kind that holds {@code day}; for a custom period, the {@link
   * Period#DEFAULT_DAYS} days ending with it.
   */
  public Period containing(LocalDate day) {
    LocalDate first =
        switch (this) {
          case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          case MONTH -> day.withDayOfMonth(1);
          case QUARTER -> day.withDayOfMonth(1).withMonth(1 + 3 * ((day.getMonthValue() - 1) / 3));
          case YEAR -> day.withDayOfYear(1);
          case CUSTOM -> day.minusDays(Period.DEFAULT_DAYS - 1L);
        };
    LocalDate end =
        switch (this) {
          case WEEK -> first.plusWeeks(1);
          case MONTH -> first.plusMonths(1);
          case QUARTER -> first.plusMonths(3);
          case YEAR -> first.plusYears(1);
          case CUSTOM -> day.plusDays(1);
        };
    return days(first, end);
  }

  /** The last whole period of this kind that ended before {@code today}. */
  public Period lastBefore(LocalDate today) {
    return this == CUSTOM ? containing(today.minusDays(1)) : previous(containing(today));
  }

  /**
   * The period a report compares {@code period} with: the one before it of this kind, or as many
   * days immediately before a custom period.
   */
  public Period previous(Period period) {
    if (this == CUSTOM) {
      long length = period.dates().size();
      return days(period.firstDate().minusDays(length), period.firstDate());
    }
    return containing(period.firstDate().minusDays(1));
  }

  /**
   * The period a report is asked for: the days from {@code since} to {@code until} (exclusive,
   * today's end when absent) when since is given; else the period of this kind holding {@code at};
   * else the last whole one before today, or the one holding the latest post when the data ends
   * before that.
   *
   * @throws IllegalArgumentException when since is not before until
   */
  public Period choose(
      @Nullable LocalDate at,
      @Nullable LocalDate since,
      @Nullable LocalDate until,
      LocalDate today,
      @Nullable LocalDate latest) {
    if (since != null) {
      LocalDate end = until == null ? today.plusDays(1) : until;
      if (!since.isBefore(end)) {
        throw new IllegalArgumentException("since must be before until");
      }
      return days(since, end);
    }
    if (until != null) {
      throw new IllegalArgumentException("until needs since");
    }
    if (at != null) {
      return containing(at);
    }
    Period last = lastBefore(today);
    if (latest != null && latest.isBefore(last.firstDate())) {
      return containing(latest);
    }
    return last;
  }

  /** Whether {@code period} is a whole period of this kind (a custom one always is). */
  public boolean fits(Period period) {
    if (this == CUSTOM) {
      return true;
    }
    Period whole = containing(period.firstDate());
    return whole.since().equals(period.since()) && whole.until().equals(period.until());
  }

  /** The period {@code [first, end)}. */
  public static Period days(LocalDate first, LocalDate end) {
    return new Period(OverviewReport.start(first), OverviewReport.start(end), 0, null);
  }

  static List<String> keys() {
    return Arrays.stream(values()).map(PeriodKind::key).toList();
  }
}
