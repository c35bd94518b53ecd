package org.cluetrain.connectors.feed;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cluetrain.ingest.SourceHealth;

/**
 * The poller's running knowledge of one feed. The state is replaced as a whole so readers of {@link
 * #state()} never see validators of one attempt with the health of another.
 */
final class FeedTrack {
  final FeedSubscription feed;
  private final AtomicBoolean claimed = new AtomicBoolean();
  private volatile FeedState state;

  FeedTrack(FeedSubscription feed, FeedState state) {
    this.feed = feed;
    this.state = state;
  }

  FeedState state() {
    return state;
  }

  void update(FeedState next) {
    state = next;
  }

  boolean isDue(Instant now) {
    Instant next = state.health().nextAttempt();
    return next == null || !now.isBefore(next);
  }

  /** Takes the feed for one attempt; false when another attempt is already under way. */
  boolean claim() {
    return claimed.compareAndSet(false, true);
  }

  void release() {
    claimed.set(false);
  }

  SourceHealth health() {
    return state.health();
  }
}
