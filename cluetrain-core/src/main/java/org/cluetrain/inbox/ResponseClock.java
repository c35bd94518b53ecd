package org.cluetrain.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The response-time clock of an item: business time counted against a target. It runs while the
 * item is open and unanswered, pauses while the item is pending, and stops for good at the first
 * recorded response (see {@code docs/inbox.md} for why).
 *
 * @param target the response time the team promised, in business hours
 * @param elapsed business time counted while the clock ran before {@code runningSince}
 * @param runningSince when the clock last started, or {@code null} while it stands
 * @param due when the target is reached if the clock keeps running, or {@code null} while it stands
 */
public record ResponseClock(
    Duration target, Duration elapsed, @Nullable Instant runningSince, @Nullable Instant due) {
  public ResponseClock {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(elapsed, "elapsed");
    if (target.isNegative() || target.isZero()) {
      throw new IllegalArgumentException("a response target must be positive, was " + target);
    }
    if (elapsed.isNegative()) {
      throw new IllegalArgumentException("elapsed time cannot be negative, was " + elapsed);
    }
    if ((runningSince == null) != (due == null)) {
      throw new IllegalArgumentException("a running clock has a due time; a standing one has none");
    }
  }

  /** A clock that starts now. */
  public static ResponseClock start(Duration target, Instant now, BusinessHours hours) {
    return new ResponseClock(target, Duration.ZERO, now, hours.plus(now, target));
  }

  /**
   * The clock of a new item for a post published at {@code published}: it starts now, unless the
   * post is so old that its whole target had passed in business hours before it came in (an
   * imported archive, a feed read after a long pause). Such a clock stands at zero, with no due
   * time: the post is not new, and a clock started at import would claim a response time the author
   * never waited for (see {@code docs/inbox.md}).
   */
  public static ResponseClock startFor(
      Instant published, Duration target, Instant now, BusinessHours hours) {
    if (cameInLate(published, target, now, hours)) {
      return new ResponseClock(target, Duration.ZERO, null, null);
    }
    return start(target, now, hours);
  }

  /** Whether a post's whole response target had passed before it came in at {@code now}. */
  public static boolean cameInLate(
      Instant published, Duration target, Instant now, BusinessHours hours) {
    return published.isBefore(now) && hours.between(published, now).compareTo(target) >= 0;
  }

  public boolean running() {
    return runningSince != null;
  }

  /** Business time counted up to {@code now}. */
  public Duration elapsed(Instant now, BusinessHours hours) {
    return runningSince != null ? elapsed.plus(hours.between(runningSince, now)) : elapsed;
  }

  /** Business time left before the target, negative when it is overdue. */
  public Duration remaining(Instant now, BusinessHours hours) {
    return target.minus(elapsed(now, hours));
  }

  /** Whether more business time has passed than the target allows. */
  public boolean overdue(Instant now, BusinessHours hours) {
    // a running clock has a due time (the constructor checks it)
    return due != null ? !due.isAfter(now) : elapsed.compareTo(target) >= 0;
  }

  /** The clock standing still at what it counted so far (the item is pending or answered). */
  public ResponseClock stop(Instant now, BusinessHours hours) {
    return running() ? new ResponseClock(target, elapsed(now, hours), null, null) : this;
  }

  /** The clock running again from {@code now}, keeping what it counted. */
  public ResponseClock resume(Instant now, BusinessHours hours) {
    if (running()) {
      return this;
    }
    Duration left = target.minus(elapsed);
    Instant dueAt = left.isNegative() || left.isZero() ? now : hours.plus(now, left);
    return new ResponseClock(target, elapsed, now, dueAt);
  }
}
