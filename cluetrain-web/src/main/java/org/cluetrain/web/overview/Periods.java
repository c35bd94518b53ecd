package org.cluetrain.web.overview;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.cluetrain.app.TimeArguments;
import org.cluetrain.report.Period;

/** The {@link Period} a request's parameters ask for. */
final class Periods {
  private Periods() {}

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
    int days = Period.DEFAULT_DAYS;
    if (!blank(daysText)) {
      try {
        days = Integer.parseInt(daysText.strip());
      } catch (NumberFormatException e) {
        days = -1;
      }
      if (!Period.CHOICES.contains(days)) {
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
}
