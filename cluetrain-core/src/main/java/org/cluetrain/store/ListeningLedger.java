package org.cluetrain.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cluetrain.enrich.duplicate.DuplicateDetector;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.query.SavedQuery;

/**
 * The relational side of the store: which posts are known, their matches, threads and authors,
 * per-query counts, source health and saved queries. Embedded: SQLite; for teams: PostgreSQL.
 *
 * <p>{@link #record} is atomic and idempotent: a post already recorded changes nothing, so a batch
 * can safely be recorded again after a crash.
 */
public interface ListeningLedger extends AutoCloseable {

  /** Which of these post ids are already recorded. */
  Set<String> knownPostIds(Collection<String> postIds);

  /**
   * Records the posts (post, thread, author, matches, hourly counts, hourly sentiment) in one
   * transaction.
   *
   * @return how many of them were new
   */
  int record(List<StoredPost> posts);

  /** The most recent fingerprints, oldest first, to warm the duplicate detector after a start. */
  List<DuplicateDetector.Entry> recentFingerprints(int limit);

  /** Counts of what has been collected, for one project or ({@code null}) for all. */
  ListeningStats stats(String project);

  /** Hourly match counts of a query within [since, until). */
  List<HourlyCount> hourlyCounts(String queryId, Instant since, Instant until);

  /**
   * Hourly match counts of a query within [since, until) by the posts' sentiment label; posts
   * without a sentiment label are not counted.
   */
  List<HourlySentiment> hourlySentiment(String queryId, Instant since, Instant until);

  /**
   * What happened in a project within [since, until): authors and sources of the posts that matched
   * any of {@code queryIds}, and the threads and authors most active, at most {@code limit} each.
   */
  ProjectActivity activity(
      String project, Collection<String> queryIds, Instant since, Instant until, int limit);

  /** The threads of a project (or all), most recently active first. */
  List<ThreadSummary> threads(String project, int limit);

  /** The authors of a project (or all), by posts. */
  List<AuthorSummary> authors(String project, int limit);

  void saveHealth(SourceHealth health);

  /**
   * Remembers a feed's HTTP validators ({@code ETag}, {@code Last-Modified}), so that after a
   * restart the next fetch is still a conditional GET.
   */
  void saveValidators(String sourceId, String etag, String lastModified);

  /** The validators remembered for a source: {@code [etag, lastModified]}, either may be null. */
  java.util.Optional<String[]> validators(String sourceId);

  List<SourceHealth> health();

  /**
   * Records that posts already in the ledger match a query, for a query that was added or changed
   * after they came in. A match recorded before, or a post the ledger does not know, changes
   * nothing, so applying a query to history twice counts every post once.
   *
   * @return how many matches were new
   */
  int recordMatches(String queryId, List<StoredPost> posts);

  /** Forgets every match of a query and its hourly counts, before history is matched again. */
  void forgetMatches(String queryId);

  /** Replaces the saved queries of the given projects with these. */
  void saveQueries(Collection<String> projects, Collection<SavedQuery> queries);

  List<SavedQuery> queries();

  /**
   * Subscribes a project to feeds (from an OPML import); a feed already subscribed is kept once.
   *
   * @return how many of them were new
   */
  int subscribe(String project, Collection<ReadItem.FeedSubscription> feeds);

  /** Every feed subscription, by project. */
  List<Subscription> subscriptions();

  /**
   * Records an analyst's verdict whether a post is relevant to a project (the latest verdict on a
   * post counts).
   */
  void saveRelevanceLabel(String project, String postId, boolean relevant, java.time.Instant at);

  /** The analysts' relevance verdicts for a project: post id → relevant, in labelling order. */
  java.util.Map<String, Boolean> relevanceLabels(String project);

  /** A feed a project subscribed to by importing a list of feeds. */
  record Subscription(String project, ReadItem.FeedSubscription feed) {}

  @Override
  void close();

  /**
   * How many posts of the project each source gave, most first: what the sources page shows,
   * without the rest of {@link #stats}.
   */
  Map<String, Long> postsBySource(String project);
}
