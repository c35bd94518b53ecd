package org.cluetrain.store;

import java.time.Instant;

/**
 * A search over stored posts.
 *
 * @param query a query in Cluetrain's query language; blank means every post
 * @param project only posts collected for this project, or {@code null} for all
 * @param since only posts published at or after this instant, or {@code null}
 * @param until only posts published before this instant, or {@code null}
 * @param limit at most this many posts, newest first (1..10,000)
 */
public record SearchRequest(String query, String project, Instant since, Instant until, int limit) {
  public static final int MAX_LIMIT = 10_000;

  public SearchRequest {
    query = query == null ? "" : query;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    if (since != null && until != null && !since.isBefore(until)) {
      throw new IllegalArgumentException(
          "since (" + since + ") must be before until (" + until + ")");
    }
  }

  public static SearchRequest of(String query) {
    return new SearchRequest(query, null, null, null, 100);
  }
}
