package org.cluetrain.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.connectors.net.AddressPolicy;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.SubscriptionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds listed in an imported OPML file are subscribed only where the workspace lets the server
 * connect: a list from anywhere must not point the poller at this machine or the local network.
 */
class SubscriptionAddressTest {
  @TempDir Path data;

  private static final List<ReadItem.FeedSubscription> LISTED =
      List.of(
          new ReadItem.FeedSubscription("Admin", "http://127.0.0.1:8080/admin/users", null, null),
          new ReadItem.FeedSubscription(
              "Metadata", "http://169.254.169.254/latest/meta-data/", null, null),
          new ReadItem.FeedSubscription("Intranet", "http://192.168.10.4/feed", null, null),
          new ReadItem.FeedSubscription("News", "https://93.184.215.14/feed.xml", null, null));

  @Test
  void internalAddressesAreLeftOutNamingWhy() throws Exception {
    try (EmbeddedRuntime runtime =
        EmbeddedRuntime.open(data, Workspace.empty(List.of("de", "en")))) {
      EmbeddedRuntime.Subscribed subscribed = runtime.subscribe("bahn", LISTED);

      assertThat(subscribed.added()).isEqualTo(1);
      assertThat(subscribed.refused())
          .containsExactly(
              "refused http://127.0.0.1:8080/admin/users: 127.0.0.1, a loopback address; an admin"
                  + " can allow it in the workspace's network.allow",
              "refused http://169.254.169.254/latest/meta-data/: 169.254.169.254, a link-local"
                  + " address; an admin can allow it in the workspace's network.allow",
              "refused http://192.168.10.4/feed: 192.168.10.4, a private address; an admin can"
                  + " allow it in the workspace's network.allow");
      assertThat(runtime.subscriptions().subscriptions())
          .extracting(s -> s.feed().feedUrl())
          .containsExactly("https://93.184.215.14/feed.xml");
    }
  }

  @Test
  void anAdminCanAllowAnInternalNetwork() throws Exception {
    Workspace workspace =
        Workspace.empty(List.of("de", "en"))
            .withNetwork(AddressPolicy.allowing(List.of("192.168.0.0/16")));
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      EmbeddedRuntime.Subscribed subscribed = runtime.subscribe("bahn", LISTED);

      assertThat(subscribed.added()).isEqualTo(2);
      assertThat(subscribed.refused()).hasSize(2);
      assertThat(runtime.subscriptions().subscriptions())
          .extracting(SubscriptionStore.Subscription::project)
          .containsOnly("bahn");
    }
  }
}
