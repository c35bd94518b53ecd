package org.cluetrain.app.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cluetrain.lucene.MonitorQueryMatcher;
import org.cluetrain.match.QueryMatcher;
import org.cluetrain.model.Post;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.cluetrain.query.SavedQuery;

/**
 * Runs saved queries against their own examples ("queries as code"), and single texts against a
 * query, with the same matcher the live stream uses.
 */
public final class QueryExamples {
  private static final SourceRef EXAMPLES =
      new SourceRef("examples", SourceType.FILE, "query examples", null);

  private QueryExamples() {}

  /** One example that did not behave as its query promised. */
  public record Failure(String queryId, String example, boolean shouldMatch) {
    @Override
    public String toString() {
      return queryId
          + ": "
          + (shouldMatch ? "should match but does not: " : "should not match but does: ")
          + '"'
          + example
          + '"';
    }
  }

  /** Runs every query's must-match and must-not-match examples; returns what failed. */
  public static List<Failure> check(List<SavedQuery> queries) {
    List<Failure> failures = new ArrayList<>();
    for (SavedQuery query : queries) {
      for (String text : query.mustMatch()) {
        if (!matches(query, text, null)) {
          failures.add(new Failure(query.id(), text, true));
        }
      }
      for (String text : query.mustNotMatch()) {
        if (matches(query, text, null)) {
          failures.add(new Failure(query.id(), text, false));
        }
      }
    }
    return failures;
  }

  /**
   * Whether the query matches a post with this text.
   *
   * @param lang the post's language for {@code lang:} filters, or {@code null}
   * @throws IllegalArgumentException when the query does not compile
   */
  public static boolean matches(SavedQuery query, String text, String lang) {
    try (MonitorQueryMatcher matcher = new MonitorQueryMatcher()) {
      List<QueryMatcher.QueryProblem> problems = matcher.replaceQueries(List.of(query));
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(problems.get(0).problem());
      }
      Post post =
          Post.builder()
              .id("example")
              .source(EXAMPLES)
              .text(text)
              .published(Instant.EPOCH)
              .lang(lang)
              .project(query.project())
              .build();
      post = new org.cluetrain.enrich.entities.EntityExtractor().enrich(post);
      return matcher.match(List.of(post)).matches().get(0).contains(query.id());
    }
  }
}
