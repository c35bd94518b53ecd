package org.cluetrain.detect;

import java.time.Instant;
import java.util.function.LongToDoubleFunction;

/** A known seasonal rate of posts per hour, for synthetic streams of one saved query. */
public final class WeeklyRate {
  /** A Monday, 00:00 UTC. */
  public static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");

  private WeeklyRate() {}

  /** Rate per hour: busy on weekday daytime, quiet at night, half on weekends. */
  public static LongToDoubleFunction weekly(double daytime) {
    return epochHour -> {
      int how = SeasonalBaseline.hourOfWeek(epochHour);
      int day = how / 24;
      int hour = how % 24;
      double shape = hour >= 8 && hour < 20 ? 1 : hour >= 6 && hour < 23 ? 0.4 : 0.08;
      return daytime * shape * (day >= 5 ? 0.5 : 1);
    };
  }
}
