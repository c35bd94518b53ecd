package org.cluetrain.connectors.source;

import java.util.List;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.Source;
import org.cluetrain.model.Post;

/**
 * Takes the posts live sources fetched (the runtime hands them to the pipeline). Calls come from
 * several threads at once, so implementations must be thread-safe. An exception means the posts
 * were not taken: the source's cursor stays where it was, so the next fetch brings them again.
 */
@FunctionalInterface
public interface SourceListener {
  void onPosts(Source source, List<Post> posts, List<ReadItem.UnreadableItem> problems);
}
