package org.cluetrain.connectors.feed;

import java.util.List;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.model.Post;

/**
 * Receives what the poller fetched. Calls come from the poller's worker threads, one feed at a time
 * per feed but possibly several feeds at once, so implementations must be thread-safe.
 *
 * <p>An exception thrown from {@link #onItems} means the items were not taken: the poller logs it,
 * records it in the feed's health and keeps the feed's old validators, so the same items are
 * fetched again at the next attempt rather than lost.
 */
public interface FeedListener {

  /**
   * New content of a feed. Called only when the feed answered with content (not on {@code 304 Not
   * Modified}), even when every item was unreadable.
   *
   * @param feed the feed it came from
   * @param posts the posts read, each carrying the feed's project
   * @param problems the items that could not be read
   */
  void onItems(FeedSubscription feed, List<Post> posts, List<ReadItem.UnreadableItem> problems);

  /** The feed's health after each attempt, successful or not. */
  void onHealth(SourceHealth health);
}
