package org.cluetrain.connectors.feed;

import java.util.List;
import java.util.Objects;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.model.Post;

/**
 * What one attempt on one feed came to; the same that was handed to the {@link FeedListener}.
 *
 * @param feed the feed
 * @param posts the posts read (empty when not modified or failed), each carrying the feed's project
 * @param problems items that could not be read
 * @param health the feed's health after the attempt
 */
public record FeedPollResult(
    FeedSubscription feed,
    List<Post> posts,
    List<ReadItem.UnreadableItem> problems,
    SourceHealth health) {
  public FeedPollResult {
    Objects.requireNonNull(feed, "feed");
    Objects.requireNonNull(health, "health");
    posts = List.copyOf(posts);
    problems = List.copyOf(problems);
  }
}
