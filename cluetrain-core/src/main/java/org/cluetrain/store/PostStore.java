package org.cluetrain.store;

import java.util.List;
import java.util.Optional;
import org.cluetrain.query.QuerySyntaxException;

/**
 * The searchable store of posts: full-text search with the same analysis as live matching.
 *
 * <p>Writes are idempotent by post id: storing a post again replaces it, never duplicates it. When
 * {@link #store} returns, the posts are durable (they survive a crash of the process).
 */
public interface PostStore extends AutoCloseable {

  /** Adds or replaces the posts by id and makes them durable and searchable. */
  void store(List<StoredPost> posts);

  /**
   * Finds stored posts with the query language, newest first.
   *
   * @throws QuerySyntaxException when the request's query does not parse
   */
  SearchPage search(SearchRequest request) throws QuerySyntaxException;

  /** The stored post with this id. */
  Optional<StoredPost> get(String postId);

  /** Every stored post of a conversation, oldest first (at most {@code limit}). */
  List<StoredPost> thread(String threadId, int limit);

  /** How many posts are stored. */
  long count();

  @Override
  void close();
}
