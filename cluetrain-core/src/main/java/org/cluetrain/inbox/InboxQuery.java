package org.cluetrain.inbox;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which items of a project to list. Lists are sorted by due time, soonest first; items whose clock
 * stands follow, most urgent first.
 *
 * @param project the project
 * @param statuses only items in one of these; empty: all
 * @param assignee only items of this account, or {@code null} for anybody's
 * @param unassigned only items nobody handles (then {@code assignee} must be null)
 * @param priority only items of this priority, or {@code null}
 * @param tag only items with this tag, or {@code null}
 * @param overdueOnly only items past their response target that are not done
 * @param now the moment "overdue" is judged at
 * @param limit at most this many items (1..1,000)
 */
public record InboxQuery(
    String project,
    Set<Status> statuses,
    @Nullable String assignee,
    boolean unassigned,
    @Nullable Priority priority,
    @Nullable String tag,
    boolean overdueOnly,
    Instant now,
    int limit) {
  public static final int MAX_LIMIT = 1_000;

  public InboxQuery {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(now, "now");
    statuses =
        statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    if (unassigned && assignee != null) {
      throw new IllegalArgumentException("ask for one assignee or for unassigned items, not both");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
  }

  /** The open and pending items of a project. */
  public static InboxQuery active(String project, Instant now) {
    return new InboxQuery(
        project, Set.of(Status.OPEN, Status.PENDING), null, false, null, null, false, now, 100);
  }
}
