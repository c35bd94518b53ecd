package org.cluetrain.connectors;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cluetrain.connectors.feed.FeedListener;
import org.cluetrain.connectors.feed.FeedSubscription;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.model.Post;

/** Keeps everything a poller delivers; can be told to refuse items, as a broken pipeline would. */
final class RecordingListener implements FeedListener {
  final List<Post> posts = new CopyOnWriteArrayList<>();
  final List<ReadItem.UnreadableItem> problems = new CopyOnWriteArrayList<>();
  final List<SourceHealth> health = new CopyOnWriteArrayList<>();
  volatile int deliveries;
  volatile RuntimeException refuseItemsWith;
  volatile RuntimeException refuseHealthWith;

  @Override
  public void onItems(
      FeedSubscription feed, List<Post> posts, List<ReadItem.UnreadableItem> problems) {
    if (refuseItemsWith != null) {
      throw refuseItemsWith;
    }
    deliveries++;
    this.posts.addAll(posts);
    this.problems.addAll(problems);
  }

  @Override
  public void onHealth(SourceHealth health) {
    this.health.add(health);
    if (refuseHealthWith != null) {
      throw refuseHealthWith;
    }
  }
}
