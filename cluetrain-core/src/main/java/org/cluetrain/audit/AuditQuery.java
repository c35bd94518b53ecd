package org.cluetrain.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which entries to read, newest first: every condition given must hold.
 *
 * @param kind only entries of this kind, or any
 * @param actor only entries by this account (or {@code anonymous}), or anyone's
 * @param from only entries at or after this time, or since the start
 * @param to only entries before this time, or up to now
 * @param offset how many of the matching entries to skip (for pages)
 * @param limit how many to read at most
 */
public record AuditQuery(
    @Nullable AuditKind kind,
    @Nullable String actor,
    @Nullable Instant from,
    @Nullable Instant to,
    int offset,
    int limit) {
  /** Most entries one read returns; an export reads page after page. */
  public static final int MAX_LIMIT = 1000;

  public AuditQuery {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, not " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException(
          "the time range is empty: 'from' (" + from + ") must be before 'to' (" + to + ")");
    }
  }

  /** Every entry, newest first, one page of the given size. */
  public static AuditQuery all(int limit) {
    return new AuditQuery(null, null, null, null, 0, limit);
  }

  /** The same conditions, the next page. */
  public AuditQuery next() {
    return new AuditQuery(kind, actor, from, to, offset + limit, limit);
  }
}
