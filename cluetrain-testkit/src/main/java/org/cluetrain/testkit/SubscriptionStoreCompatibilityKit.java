package org.cluetrain.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.SubscriptionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compatibility kit of {@link SubscriptionStore}: a feed is kept once per project, listed by
 * project and feed URL, with its details, across a reopen.
 */
public abstract class SubscriptionStoreCompatibilityKit {
  @TempDir protected Path directory;

  /**
   * Opens the ledger whose data lives in {@code directory} (see {@link
   * PostLedgerCompatibilityKit}).
   */
  protected abstract LedgerRoles open(Path directory);

  private static final ReadItem.FeedSubscription HEISE =
      new ReadItem.FeedSubscription(
          "heise", "https://www.heise.de/rss/heise-atom.xml", "https://www.heise.de/", "IT");
  private static final ReadItem.FeedSubscription BLOG =
      new ReadItem.FeedSubscription("Blog", "https://blog.example/feed", null, null);

  @Test
  void feedSubscriptionsAreKeptOncePerProject() {
    try (LedgerRoles ledger = open(directory)) {
      SubscriptionStore subscriptions = ledger.subscriptions();
      assertThat(subscriptions.subscribe("bahn", List.of(HEISE, HEISE))).isEqualTo(1);
      assertThat(subscriptions.subscribe("bahn", List.of(HEISE))).isZero();
      assertThat(subscriptions.subscribe("airlines", List.of(HEISE))).isEqualTo(1);
      assertThat(subscriptions.subscribe("bahn", List.of(BLOG))).isEqualTo(1);
      assertThat(subscriptions.subscribe("bahn", List.of())).isZero();
    }
    try (LedgerRoles ledger = open(directory)) {
      assertThat(ledger.subscriptions().subscriptions())
          .containsExactly(
              new SubscriptionStore.Subscription("airlines", HEISE),
              new SubscriptionStore.Subscription("bahn", BLOG),
              new SubscriptionStore.Subscription("bahn", HEISE));
    }
  }
}
