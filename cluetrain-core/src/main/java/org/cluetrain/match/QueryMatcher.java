package org.cluetrain.match;

import java.util.Collection;
import java.util.List;
import org.cluetrain.model.Post;
import org.cluetrain.query.SavedQuery;

/**
 * Matches incoming posts against a set of saved queries: the live half of the query language (the
 * other half is search over stored history, which must give identical results).
 *
 * <p>Like Lucene's monitor, a failing query never fails the batch: errors are collected per query
 * and returned beside the matches.
 */
public interface QueryMatcher extends AutoCloseable {

  /**
   * Replaces the whole set of saved queries. Queries that cannot be compiled are left out and
   * reported; all others are registered.
   */
  List<QueryProblem> replaceQueries(Collection<SavedQuery> queries);

  /**
   * Matches each post against the queries of the post's project ({@link Post#project()}); posts
   * without a project are matched against every query.
   *
   * @return for each post, in order, the ids ({@link SavedQuery#id()}) of the queries it matched
   */
  MatchBatch match(List<Post> posts);

  @Override
  void close();

  /** One saved query that failed, and why. */
  record QueryProblem(String queryId, String problem) {}

  /**
   * The result of matching a batch.
   *
   * @param matches for each post of the batch, in order, the ids of the queries it matched
   * @param problems queries that failed on this batch (the others still matched)
   */
  record MatchBatch(List<List<String>> matches, List<QueryProblem> problems) {
    public MatchBatch {
      matches = List.copyOf(matches);
      problems = List.copyOf(problems);
    }
  }
}
