package org.cluetrain.ingest;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An interval a live source could not cover, and whether it was covered later.
 *
 * @param sourceId the source's id
 * @param project the project it collects for
 * @param from when coverage stopped: the end of the last covered interval
 * @param until when coverage resumed or, for a gap still open, the last failed attempt
 * @param reason why
 * @param detail the problem in words, naming the address and what went wrong
 * @param backfilledAt when a later fetch reached back over the whole interval, or {@code null}
 */
public record Gap(
    String sourceId,
    String project,
    Instant from,
    Instant until,
    GapReason reason,
    String detail,
    @Nullable Instant backfilledAt) {

  public Gap {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    if (until.isBefore(from)) {
      throw new IllegalArgumentException(
          "gap of " + sourceId + " ends at " + until + ", before it starts at " + from);
    }
  }

  /** Whether a later fetch covered the interval after all. */
  public boolean backfilled() {
    return backfilledAt != null;
  }
}
