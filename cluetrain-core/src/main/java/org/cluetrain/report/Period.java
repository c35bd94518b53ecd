package org.cluetrain.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The time a report covers: whole days in UTC, {@code [since, until)}.
 *
 * @param days the length chosen with the 7/30/90 buttons, or 0 when since/until were given
 * @param shiftedTo when the default window held no data, the latest post's time it was moved to
 */
public record Period(Instant since, Instant until, int days, @Nullable Instant shiftedTo) {
  /** The lengths offered as buttons. */
  public static final Set<Integer> CHOICES = Set.of(7, 30, 90);

  /** The length when nothing is chosen. */
  public static final int DEFAULT_DAYS = 30;

  public Period {
    if (!since.isBefore(until)) {
      throw new IllegalArgumentException("since must be before until");
    }
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
