package org.cluetrain.store;

import java.time.Instant;
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

  /**
   * Forgets these posts as if they had never been recorded: their rows and matches go, and every
   * figure they counted in (hourly counts and sentiment, threads, authors, replies received) is
   * corrected; a thread named by one of them loses that name, an author left without posts goes.
   * Posts the ledger does not know change nothing.
   *
   * @return how many posts were forgotten
   */
  int forget(List<StoredPost> posts);

  /**
   * Moves the recorded posts of an author to another author id (a pseudonym), merging their counts;
   * the old author's row goes.
   *
   * @return how many posts were moved
   */
  int moveAuthor(String authorId, String toAuthorId, String toName);

  /**
   * Replaces, in the thread titles of these threads, every identifier (any case) with {@code
   * replacement}: a thread named by a post that quotes an erased person keeps its name without
   * them.
   *
   * @return how many thread titles changed
   */
  int redactThreadTitles(
      Collection<String> threadIds, List<String> identifiers, String replacement);

  /**
   * The ids of a project's recorded posts from one source published before {@code before}, oldest
   * first: what retention expires.
   *
   * @param limit at most this many
   */
  List<String> publishedBefore(String project, String sourceId, Instant before, int limit);

  /**
   * How many of a project's recorded posts from one source were published before {@code before}.
   */
  long countPublishedBefore(String project, String sourceId, Instant before);

  /**
   * Expires these posts, past their retention: their rows go and with them what they matched, but
   * every figure they counted in stays as it was (counts stay, texts go). The totals and the counts
   * per project, source, language and kind keep them as retained counts; hourly counts and
   * sentiment, threads and authors are roll-ups and are left alone, except that a thread opened by
   * an expired post loses the title taken from its words. Posts the ledger does not know change
   * nothing.
   *
   * @return how many posts expired
   */
  int expire(Collection<String> postIds);

  /**
   * Makes deletions final in the database's files: pages that held deleted rows are overwritten and
   * returned (SQLite: {@code VACUUM} after secure deletion, and the write-ahead log emptied;
   * PostgreSQL: {@code VACUUM FULL} of the tables erasure touches).
   */
  void compact();
}
