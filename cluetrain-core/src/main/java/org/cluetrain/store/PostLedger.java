package org.cluetrain.store;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.cluetrain.enrich.duplicate.DuplicateDetector;

/**
 * Which posts are known and which queries they matched: what makes the pipeline exactly-once.
 *
 * <p>{@link #record} is atomic and idempotent: a post already recorded changes nothing, so a batch
 * can safely be recorded again after a crash.
 */
public interface PostLedger {

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
}
