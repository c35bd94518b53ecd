package org.cluetrain.connectors.feed;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long a failing feed waits before the next attempt: its poll interval doubled per consecutive
 * failure, capped, then shortened by up to {@link #JITTER} at random so that feeds which failed
 * together (one host down) do not all come back in the same second.
 */
public final class Backoff {
  /** The largest fraction jitter takes off a delay. */
  static final double JITTER = 0.1;

  private final Duration cap;
  private final RandomGenerator random;

  public Backoff(Duration cap, RandomGenerator random) {
    this.cap = cap;
    this.random = random;
  }

  /**
   * The delay after a failure.
   *
   * @param pollInterval the feed's ordinary interval
   * @param consecutiveFailures failures in a row, this one included (at least 1)
   */
  public Duration after(Duration pollInterval, int consecutiveFailures) {
    Duration nominal = pollInterval;
    for (int i = 0; i < consecutiveFailures && nominal.compareTo(cap) < 0; i++) {
      nominal = nominal.multipliedBy(2);
    }
    if (nominal.compareTo(cap) > 0) {
      // a feed polled less often than the cap keeps its own rhythm
      nominal = pollInterval.compareTo(cap) > 0 ? pollInterval : cap;
    }
    long millis = nominal.toMillis();
    return Duration.ofMillis(millis - (long) (millis * JITTER * random.nextDouble()));
  }
}
