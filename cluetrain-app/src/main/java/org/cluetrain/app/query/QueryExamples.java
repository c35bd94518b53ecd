package org.cluetrain.app.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cluetrain.enrich.entities.EntityExtractor;
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

  /** Examples get their hashtags and mentions as live posts do, for #tag and @account queries. */
  private static final EntityExtractor ENTITIES = new EntityExtractor();

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

  /**
   * Runs every query's must-match and must-not-match examples, all in one batch through one
   * matcher; returns what failed.
   *
   * @throws IllegalArgumentException when a query does not compile
   */
  public static List<Failure> check(List<SavedQuery> queries) {
    List<SavedQuery> owners = new ArrayList<>();
    List<Boolean> expected = new ArrayList<>();
    List<Post> examples = new ArrayList<>();
    for (SavedQuery query : queries) {
      for (String text : query.mustMatch()) {
        owners.add(query);
        expected.add(true);
        examples.add(example(examples.size(), query, text, null));
      }
      for (String text : query.mustNotMatch()) {
        owners.add(query);
        expected.add(false);
        examples.add(example(examples.size(), query, text, null));
      }
    }
    List<List<String>> matches = match(queries, examples);
    List<Failure> failures = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      String queryId = owners.get(i).id();
      if (matches.get(i).contains(queryId) != expected.get(i)) {
        failures.add(new Failure(queryId, examples.get(i).text(), expected.get(i)));
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
    return match(List.of(query), List.of(example(0, query, text, lang)))
        .get(0)
        .contains(query.id());
  }

  private static List<List<String>> match(List<SavedQuery> queries, List<Post> posts) {
    if (posts.isEmpty()) {
      return List.of();
    }
    try (MonitorQueryMatcher matcher = new MonitorQueryMatcher()) {
      List<QueryMatcher.QueryProblem> problems = matcher.replaceQueries(queries);
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(problems.get(0).problem());
      }
      return matcher.match(posts).matches();
    }
  }

  /** A post with the example's text, in the query's project, with its entities extracted. */
  private static Post example(int index, SavedQuery query, String text, String lang) {
    Post post =
        Post.builder()
            .id("example-" + index)
            .source(EXAMPLES)
            .text(text)
            .published(Instant.EPOCH)
            .lang(lang)
            .project(query.project())
            .build();
    return ENTITIES.enrich(post);
  }
}
