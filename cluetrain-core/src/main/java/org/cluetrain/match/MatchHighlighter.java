package org.cluetrain.match;

import java.util.List;
import org.cluetrain.model.Post;
import org.cluetrain.query.QuerySyntaxException;

/**
 * Shows why a post matched a query: the stretches of its words that the query's terms, phrases and
 * {@code NEAR}s found, evaluated exactly as matching and search evaluate the query.
 */
public interface MatchHighlighter {

  /**
   * Where the query matched the post's {@link Post#fullText()}.
   *
   * @return sorted, non-overlapping spans; empty when the query does not match the post or matches
   *     it only through field filters ({@code lang:de}) that mark no words
   * @throws QuerySyntaxException when the query does not parse
   */
  List<Span> highlight(String query, Post post) throws QuerySyntaxException;

  /** Characters {@code [start, end)} of the post's full text. */
  record Span(int start, int end) {
    public Span {
      if (start < 0 || end <= start) {
        throw new IllegalArgumentException(
            "a span needs 0 <= start < end, was " + start + ".." + end);
      }
    }
  }
}
