package org.cluetrain.app.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Limits password guessing: after {@value #MAX_FAILURES} failed sign-ins within the window, for the
 * same user name or from the same address, further attempts are refused until the oldest failure
 * leaves the window. Counting by name stops guessing one password from many addresses; counting by
 * address stops trying many names from one.
 */
final class SignInThrottle {
  static final int MAX_FAILURES_PER_NAME = 5;
  static final int MAX_FAILURES_PER_ADDRESS = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new HashMap<>();

  SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long the caller must wait before trying again, if it must. */
  synchronized Optional<Duration> waitBefore(String name, String address) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    for (String key : keys(name, address)) {
      Deque<Instant> recent = recent(key, now);
      int limit = key.startsWith("name:") ? MAX_FAILURES_PER_NAME : MAX_FAILURES_PER_ADDRESS;
      if (recent.size() >= limit) {
        Duration left = Duration.between(now, recent.peekFirst().plus(WINDOW));
        wait = left.compareTo(wait) > 0 ? left : wait;
      }
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  synchronized void failed(String name, String address) {
    Instant now = clock.instant();
    for (String key : keys(name, address)) {
      recent(key, now).addLast(now);
    }
  }

  synchronized void succeeded(String name) {
    failures.remove("name:" + name);
  }

  private Deque<Instant> recent(String key, Instant now) {
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
      times.removeFirst();
    }
    return times;
  }

  private static String[] keys(String name, String address) {
    return new String[] {"name:" + name, "address:" + address};
  }
}
