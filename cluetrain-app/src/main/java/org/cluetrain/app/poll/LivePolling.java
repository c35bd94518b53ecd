package org.cluetrain.app.poll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.connectors.feed.FeedListener;
import org.cluetrain.connectors.feed.FeedPoller;
import org.cluetrain.connectors.feed.FeedState;
import org.cluetrain.connectors.feed.FeedSubscription;
import org.cluetrain.connectors.net.AddressPolicy;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.ingest.SourceStateStore;
import org.cluetrain.ingest.SubscriptionStore;
import org.cluetrain.model.Post;
import org.cluetrain.pipeline.BatchOutcome;
import org.cluetrain.pipeline.ListeningPipeline;

/**
 * Polls the workspace's feeds and routes what comes in through the pipeline, and each feed's health
 * into the ledger, where the HTTP API and {@code stats} show it.
 */
public final class LivePolling implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LivePolling.class.getName());

  private final FeedPoller poller;
  private final AtomicLong stored;

  private LivePolling(FeedPoller poller, AtomicLong stored) {
    this.poller = poller;
    this.stored = stored;
  }

  /** Posts stored from feeds since polling started. */
  public long stored() {
    return stored.get();
  }

  /** How often feeds subscribed through an OPML import are polled. */
  static final Duration SUBSCRIBED_FEED_INTERVAL = Duration.ofMinutes(30);

  /**
   * The feeds of every project, as the poller's subscriptions: those declared in the workspace and
   * those subscribed to by importing an OPML list (for projects the workspace still has).
   */
  public static List<FeedSubscription> subscriptions(
      Workspace workspace, SubscriptionStore subscriptionStore) {
    List<FeedSubscription> feeds = subscriptions(workspace);
    java.util.Set<String> declared = new java.util.HashSet<>();
    feeds.forEach(f -> declared.add(f.project() + " " + f.url()));
    for (SubscriptionStore.Subscription subscription : subscriptionStore.subscriptions()) {
      String url = subscription.feed().feedUrl();
      if (workspace.project(subscription.project()).isEmpty()
          || !declared.add(subscription.project() + " " + url)) {
        continue;
      }
      try {
        feeds.add(
            new FeedSubscription(
                sourceId(url),
                subscription.project(),
                url,
                SUBSCRIBED_FEED_INTERVAL,
                subscription.feed().title()));
      } catch (IllegalArgumentException e) {
        LOG.log(System.Logger.Level.WARNING, "skipping subscribed feed: {0}", e.getMessage());
      }
    }
    return feeds;
  }

  /** A polled feed's source id: the same as the feed reader gives posts fetched from it. */
  static String sourceId(String feedUrl) {
    return "feed:" + feedUrl;
  }

  /** The feeds declared in the workspace file, as the poller's subscriptions. */
  public static List<FeedSubscription> subscriptions(Workspace workspace) {
    List<FeedSubscription> feeds = new ArrayList<>();
    for (Workspace.Project project : workspace.projects()) {
      for (Workspace.FeedSource feed : project.feeds()) {
        feeds.add(
            new FeedSubscription(
                sourceId(feed.url()),
                project.name(),
                feed.url(),
                Duration.ofSeconds(feed.everySeconds()),
                feed.name()));
      }
    }
    return feeds;
  }

  /**
   * Starts polling these feeds (see {@link #subscriptions(Workspace, SubscriptionStore)}) in the
   * background; a feed's health is "pending" until its first attempt, and a feed polled before
   * continues with its saved schedule, counts and validators.
   *
   * @param addresses which addresses feeds may be fetched from (the workspace's {@code network})
   */
  public static LivePolling start(
      List<FeedSubscription> feeds,
      ListeningPipeline pipeline,
      SourceStateStore sourceStates,
      AddressPolicy addresses) {
    List<FeedState> saved = new ArrayList<>();
    java.util.Map<String, SourceHealth> healthById = new java.util.HashMap<>();
    sourceStates.health().forEach(h -> healthById.put(h.sourceId(), h));
    for (FeedSubscription feed : feeds) {
      SourceHealth health = healthById.get(feed.sourceId());
      if (health == null) {
        sourceStates.saveHealth(SourceHealth.pending(feed.sourceId(), feed.project(), feed.url()));
      } else {
        // a restart keeps the schedule, the counts and the conditional GET of the last run
        String[] validators = sourceStates.validators(feed.sourceId()).orElse(new String[2]);
        saved.add(new FeedState(validators[0], validators[1], health));
      }
    }
    java.util.concurrent.atomic.AtomicReference<FeedPoller> pollerRef =
        new java.util.concurrent.atomic.AtomicReference<>();
    AtomicLong stored = new AtomicLong();
    FeedListener listener =
        new FeedListener() {
          @Override
          public void onItems(
              FeedSubscription feed, List<Post> posts, List<ReadItem.UnreadableItem> problems) {
            BatchOutcome outcome = pipeline.process(posts);
            stored.addAndGet(outcome.stored());
            problems.forEach(p -> LOG.log(System.Logger.Level.INFO, "{0}", p));
            outcome.failures().forEach(f -> LOG.log(System.Logger.Level.WARNING, "{0}", f));
          }

          @Override
          public void onHealth(SourceHealth health) {
            sourceStates.saveHealth(health);
            FeedPoller poller = pollerRef.get();
            if (poller != null) {
              poller.states().stream()
                  .filter(state -> state.health().sourceId().equals(health.sourceId()))
                  .findFirst()
                  .ifPresent(
                      state ->
                          sourceStates.saveValidators(
                              health.sourceId(), state.etag(), state.lastModified()));
            }
          }
        };
    FeedPoller poller =
        FeedPoller.builder(listener)
            .subscribe(feeds)
            .initialStates(saved)
            .addresses(addresses)
            .build();
    pollerRef.set(poller);
    LivePolling started = new LivePolling(poller, stored);
    poller.start();
    return started;
  }

  @Override
  public void close() {
    poller.close();
  }
}
