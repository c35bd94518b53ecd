package org.cluetrain.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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

  /**
   * Hands every stored post the request finds to {@code each}, newest first, however many there
   * are: the request's limit is ignored. Posts are read a page at a time, so a scan over millions
   * of posts holds one page in memory, never the whole result; it reads the store as it was when
   * the scan began. An exception thrown by {@code each} ends the scan and is thrown on.
   *
   * @return how many posts were handed over
   * @throws QuerySyntaxException when the request's query does not parse (before any post is handed
   *     over)
   */
  long scan(SearchRequest request, Consumer<? super StoredPost> each) throws QuerySyntaxException;

  /** The stored post with this id. */
  Optional<StoredPost> get(String postId);

  /** Every stored post of a conversation, oldest first (at most {@code limit}). */
  List<StoredPost> thread(String threadId, int limit);

  /**
   * The stored posts whose author's id, handle, name or profile URL is this value (compared as
   * keywords are: without case), at most {@code limit}, newest first: what a subject request finds.
   */
  List<StoredPost> byAuthor(String author, int limit);

  /**
   * Deletes these posts and expunges them: when this returns, no file of the store holds their text
   * any more (as {@link #expungeDeleted} leaves it). Ids not stored are ignored.
   *
   * @return how many posts were deleted
   */
  int delete(Collection<String> postIds);

  /**
   * Rewrites what still holds replaced or deleted posts, so that the files keep only the current
   * posts: after posts were stored again with an author or text removed, the earlier versions'
   * bytes are gone too.
   */
  void expungeDeleted();

  /** How many posts are stored. */
  long count();

  @Override
  void close();
}
