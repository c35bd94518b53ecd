package org.cluetrain.inbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where items, their logs and the saved replies are kept. Embedded: SQLite in the ledger's file.
 *
 * <p>A project has at most one item per post: {@link #createIfAbsent} is idempotent, so rules may
 * run over the same post any number of times (a re-import, a restart) without a second item.
 */
public interface InboxStore extends AutoCloseable {

  /**
   * Stores a new item (its id is ignored) with its {@code created} event, unless the project has an
   * item for the post already.
   *
   * @return the stored item with its id, or empty when the post had an item
   */
  Optional<InboxItem> createIfAbsent(InboxItem item, InboxEvent created);

  Optional<InboxItem> item(long id);

  /** The project's item for a post, if it has one. */
  Optional<InboxItem> item(String project, String postId);

  /** Items as the query asks, by due time. */
  List<InboxItem> items(InboxQuery query);

  /** How many items of the project are in each status. */
  Map<Status, Integer> counts(String project);

  /** How many items of the project are overdue at {@code now}. */
  int overdue(String project, Instant now);

  /** The project's items about posts of this author, newest first. */
  List<InboxItem> byAuthor(String project, String authorId, int limit);

  /** The tags used on the project's items, alphabetically. */
  List<String> tags(String project);

  /** Saves the item's new state and appends the event to its log, both or neither. */
  void update(InboxItem item, InboxEvent event);

  /** The item's log, oldest first. */
  List<InboxEvent> events(long itemId);

  /** Stores a saved reply (its id is ignored); a name already used in the project is refused. */
  SavedReply saveReply(SavedReply reply);

  /** The project's saved replies by name. */
  List<SavedReply> replies(String project);

  /** Removes a saved reply; answers whether there was one. */
  boolean deleteReply(String project, long id);

  /** The items, in any project, about these posts. */
  List<InboxItem> itemsOfPosts(Collection<String> postIds);

  /**
   * Deletes the items, in any project, about these posts, with their tags and logs.
   *
   * @return how many items were deleted
   */
  int forgetItemsOfPosts(Collection<String> postIds);

  /**
   * The posts of a project's items that are done and were last changed before {@code before}: the
   * items retention removes ({@link #forgetItemsOfPosts}) once their project keeps closed items no
   * longer.
   */
  List<String> postsOfItemsClosedBefore(String project, Instant before);

  /** The log entries (notes, responses, …) of any item whose text holds one of the identifiers. */
  List<InboxEvent> eventsMentioning(List<String> identifiers);

  /** The saved replies, in any project, whose text or name holds one of the identifiers. */
  List<SavedReply> repliesMentioning(List<String> identifiers);

  /**
   * Replaces every identifier (any case) with {@code replacement} in items' summaries and author
   * names, in log entries and in saved replies.
   *
   * @return how many rows changed
   */
  int redact(List<String> identifiers, String replacement);

  @Override
  void close();
}
