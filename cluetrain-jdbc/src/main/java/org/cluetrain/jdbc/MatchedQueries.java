package org.cluetrain.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the ids of the queries a post matched are kept in the ledger's {@code posts.queries} column:
 * each id followed by a line break, the whole led by one ({@code "\nbrand/a\nbrand/b\n"}). One
 * column per post rather than a row per match keeps recording a batch to one row per post; the
 * delimiters on both sides let {@code LIKE} find one id without matching another that contains it.
 * Query ids ({@code project/name}) never hold a line break.
 */
final class MatchedQueries {
  static final String DELIMITER = "\n";

  /** The escape character of the {@code LIKE} patterns made here, for {@code ESCAPE '\'}. */
  static final String LIKE_ESCAPE = " ESCAPE '\\'";

  private MatchedQueries() {}

  /** The column's value for these ids; null when the post matched nothing. */
  static @Nullable String encode(List<String> queryIds) {
    if (queryIds.isEmpty()) {
      return null;
    }
    StringBuilder encoded = new StringBuilder(DELIMITER);
    for (String id : queryIds) {
      encoded.append(id).append(DELIMITER);
    }
    return encoded.toString();
  }

  /** The ids a column's value holds, in the order they were recorded. */
  static List<String> decode(@Nullable String encoded) {
    List<String> ids = new ArrayList<>();
    if (encoded == null) {
      return ids;
    }
    for (String id : encoded.split(DELIMITER)) {
      if (!id.isEmpty()) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** One id as it stands in the column, delimiters included. */
  static String entry(String queryId) {
    return DELIMITER + queryId + DELIMITER;
  }

  /**
   * A {@code LIKE} pattern (with {@link #LIKE_ESCAPE}) that finds the posts that matched the id.
   */
  static String likePattern(String queryId) {
    String escaped = entry(queryId).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
