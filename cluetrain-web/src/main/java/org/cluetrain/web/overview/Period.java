package org.cluetrain.web.overview;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cluetrain.app.TimeArguments;

/**
 * The time an overview covers: whole days in UTC, {@code [since, until)}.
 *
 * @param days the length chosen with the 7/30/90 buttons, or 0 when since/until were given
 * @param shiftedTo when the default window held no data, the latest post's time it was moved to
 */
public record Period(Instant since, Instant until, int days, Instant shiftedTo) {
  /** The lengths offered as buttons. */
  public static final Set<Integer> CHOICES = Set.of(7, 30, 90);

  static final int DEFAULT_DAYS = 30;

  public Period {
    if (!since.isBefore(until)) {
      throw new IllegalArgumentException("since must be before until");
    }
  }

  /**
   * The period a request asks for.
   *
   * @param latest when the project's latest post was published, or null when it has none
   * @throws IllegalArgumentException naming the parameter that is wrong
   */
  static Period of(
      String daysText, String sinceText, String untilText, Instant now, Instant latest) {
    Instant today = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
    Instant until = blank(untilText) ? null : day(TimeArguments.parse(untilText, now));
    Instant since = blank(sinceText) ? null : day(TimeArguments.parse(sinceText, now));
    int days = DEFAULT_DAYS;
    if (!blank(daysText)) {
      try {
        days = Integer.parseInt(daysText.strip());
      } catch (NumberFormatException e) {
        days = -1;
      }
      if (!CHOICES.contains(days)) {
        throw new IllegalArgumentException("days must be 7, 30 or 90, was '" + daysText + "'");
      }
    }
    if (since != null) {
      Instant end = until == null ? today : until;
      if (!since.isBefore(end)) {
        throw new IllegalArgumentException("since must be before until");
      }
      return new Period(since, end, 0, null);
    }
    Instant end = until == null ? today : until;
    Instant start = end.minus(Duration.ofDays(days));
    if (until == null && latest != null && latest.isBefore(start)) {
      // the data is older than the window: show the window that ends with it, and say so
      Instant shiftedEnd = latest.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
      return new Period(shiftedEnd.minus(Duration.ofDays(days)), shiftedEnd, days, latest);
    }
    return new Period(start, end, days, null);
  }

  private static Instant day(Instant instant) {
    return instant.truncatedTo(ChronoUnit.DAYS);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  /** The days of the period, as {@code 2026-03-01}. */
  public List<LocalDate> dates() {
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate d = firstDate(); d.isBefore(lastDateExclusive()); d = d.plusDays(1)) {
      dates.add(d);
    }
    return dates;
  }

  public LocalDate firstDate() {
    return LocalDate.ofInstant(since, ZoneOffset.UTC);
  }

  /** The last day of the period (inclusive). */
  public LocalDate lastDate() {
    return lastDateExclusive().minusDays(1);
  }

  private LocalDate lastDateExclusive() {
    return LocalDate.ofInstant(until, ZoneOffset.UTC);
  }

  /** The query string that selects this period on another page. */
  public String query() {
    return "since=" + firstDate() + "&until=" + lastDateExclusive();
  }
}
