package org.cluetrain.detect;

import java.util.Locale;

/**
 * How surprising an observation must be to raise an alert, as a score: {@code -log10} of the
 * probability of seeing at least that much if nothing unusual were going on.
 *
 * <p>A rule is tested every time posts arrive, on a window that slides minute by minute: thousands
 * of overlapping tests a week per query and detector, so a threshold of 1 % would raise alerts
 * every day on a perfectly quiet stream. The levels sit far enough out in the tail that the quiet
 * synthetic streams of the tests (six weeks, small and large counts, over-dispersed) raise nothing.
 */
public enum Sensitivity {
  /** Only the loud events: score ≥ 9 (p ≤ 1e-9). */
  LOW(9),
  /** The default: score ≥ 6 (p ≤ 1e-6). */
  MEDIUM(6),
  /** Early and more often: score ≥ 4 (p ≤ 1e-4). */
  HIGH(4);

  private final double minimumScore;

  Sensitivity(double minimumScore) {
    this.minimumScore = minimumScore;
  }

  /** The smallest score that raises an alert. */
  public double minimumScore() {
    return minimumScore;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The level with this name ({@code low}, {@code medium}, {@code high}). */
  public static Sensitivity fromLabel(String label) {
    for (Sensitivity level : values()) {
      if (level.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
        return level;
      }
    }
    throw new IllegalArgumentException(
        "unknown sensitivity '" + label + "', expected low, medium or high");
  }
}
