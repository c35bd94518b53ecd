package org.cluetrain.app.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing down without locking anyone out. Failed sign-ins are counted per account
 * <em>and</em> client address, and per client address across all names. Past a few free failures
 * each further attempt must wait a short delay after the last failure, doubling per failure up to
 * {@link #MAX_DELAY}; failures older than {@link #WINDOW} are forgotten.
 *
 * <p>Counting per account and client means that someone guessing one person's password from their
 * own machine slows down only themselves: the person signs in from theirs at once. (An account-wide
 * lock let anyone lock anyone out with five wrong passwords.) Counting per client across names
 * stops one machine from trying many names. Behind a reverse proxy the client address is the one
 * the proxy reports, if the proxy is trusted (see {@code docs/operations.md}).
 */
final class SignInThrottle {
  /** Failures of one account from one client before delays start. */
  static final int FREE_FAILURES_PER_ACCOUNT_AND_CLIENT = 5;

  /** Failures from one client, whatever the names, before delays start. */
  static final int FREE_FAILURES_PER_CLIENT = 20;

  /** The first delay; each further failure doubles it. */
  static final Duration FIRST_DELAY = Duration.ofSeconds(1);

  /** The longest delay: a person who mistyped waits at most this long. */
  static final Duration MAX_DELAY = Duration.ofMinutes(1);

  /** How long a failure counts. */
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new HashMap<>();

  SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long the caller must wait before trying again, if it must. */
  synchronized Optional<Duration> waitBefore(String name, String address) {
    Instant now = clock.instant();
    Duration wait =
        longer(
            wait(recent(pairKey(name, address), now), FREE_FAILURES_PER_ACCOUNT_AND_CLIENT, now),
            wait(recent(clientKey(address), now), FREE_FAILURES_PER_CLIENT, now));
    return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
  }

  synchronized void failed(String name, String address) {
    Instant now = clock.instant();
    recent(pairKey(name, address), now).addLast(now);
    recent(clientKey(address), now).addLast(now);
    forgetOld(now);
  }

  /** A correct password from this client: its failures for the account are forgotten. */
  synchronized void succeeded(String name, String address) {
    failures.remove(pairKey(name, address));
  }

  /** The delay after {@code free} failures: 1 s, 2 s, 4 s, … up to {@link #MAX_DELAY}. */
  static Duration delayAfter(int failures, int free) {
    if (failures < free) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - free, 30);
    Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  private static Duration wait(Deque<Instant> recent, int free, Instant now) {
    if (recent.size() < free) {
      return Duration.ZERO;
    }
    Instant until = recent.peekLast().plus(delayAfter(recent.size(), free));
    return Duration.between(now, until);
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private Deque<Instant> recent(String key, Instant now) {
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
      times.removeFirst();
    }
    return times;
  }

  /** Keeps the map from growing with every address that ever failed once. */
  private void forgetOld(Instant now) {
    for (Iterator<Deque<Instant>> it = failures.values().iterator(); it.hasNext(); ) {
      Deque<Instant> times = it.next();
      if (times.isEmpty() || !times.peekLast().plus(WINDOW).isAfter(now)) {
        it.remove();
      }
    }
  }

  private static String pairKey(String name, String address) {
    return "account:" + name + "\n" + address;
  }

  private static String clientKey(String address) {
    return "client:" + address;
  }
}
