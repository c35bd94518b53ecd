package org.cluetrain.report.goal;

import java.time.LocalDate;
import java.util.Locale;

/** How often a goal is checked in on: the length of the periods its progress is measured in. */
public enum Cadence {
  WEEKLY,
  MONTHLY,
  QUARTERLY;

  /** The day the check-in period starting on {@code start} ends (exclusive). */
  public LocalDate next(LocalDate start) {
    return switch (this) {
      case WEEKLY -> start.plusWeeks(1);
      case MONTHLY -> start.plusMonths(1);
      case QUARTERLY -> start.plusMonths(3);
    };
  }

  /**
   * The days of a typical check-in period; counts of a shorter or longer period (and of the
   * baseline) are scaled to it so that they compare.
   */
  public double typicalDays() {
    return switch (this) {
      case WEEKLY -> 7;
      case MONTHLY -> 365.25 / 12;
      case QUARTERLY -> 365.25 / 4;
    };
  }

  /** The name in the workspace file and the API, e.g. {@code weekly}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The cadence of a key such as {@code weekly}. */
  public static Cadence of(String key) {
    for (Cadence cadence : values()) {
      if (cadence.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
        return cadence;
      }
    }
    throw new IllegalArgumentException(
        "unknown cadence '" + key + "', expected weekly, monthly or quarterly");
  }
}
