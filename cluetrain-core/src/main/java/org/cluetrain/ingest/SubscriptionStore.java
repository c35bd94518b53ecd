package org.cluetrain.ingest;

import java.util.Collection;
import java.util.List;

/** The feeds projects subscribed to by importing a list of feeds (OPML), polled live. */
public interface SubscriptionStore {

  /**
   * Subscribes a project to feeds; a feed already subscribed is kept once.
   *
   * @return how many of them were new
   */
  int subscribe(String project, Collection<ReadItem.FeedSubscription> feeds);

  /** Every feed subscription, by project and feed URL. */
  List<Subscription> subscriptions();

  /** A feed a project subscribed to by importing a list of feeds. */
  record Subscription(String project, ReadItem.FeedSubscription feed) {}
}
