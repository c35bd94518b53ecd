package org.cluetrain.jdbc;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.SubscriptionStore;

/** Feed subscriptions of projects, one row per project and feed URL. */
final class JdbcSubscriptionStore implements SubscriptionStore {
  private final JdbcDatabase database;

  JdbcSubscriptionStore(JdbcDatabase database) {
    this.database = database;
  }

  @Override
  public int subscribe(String project, Collection<ReadItem.FeedSubscription> feeds) {
    return database.inTransactionWith(
        "feed subscriptions",
        connection -> {
          int added = 0;
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "INSERT INTO subscriptions (project, feed_url, title, site_url, category)"
                      + " VALUES (?,?,?,?,?) ON CONFLICT (project, feed_url) DO NOTHING")) {
            for (ReadItem.FeedSubscription feed : feeds) {
              ps.setString(1, project);
              ps.setString(2, feed.feedUrl());
              ps.setString(3, feed.title());
              ps.setString(4, feed.siteUrl());
              ps.setString(5, feed.category());
              added += ps.executeUpdate();
            }
          }
          return added;
        });
  }

  @Override
  public List<Subscription> subscriptions() {
    return database.select(
        "feed subscriptions",
        "SELECT project, feed_url, title, site_url, category FROM subscriptions"
            + " ORDER BY project, feed_url",
        rs ->
            new Subscription(
                rs.getString(1),
                new ReadItem.FeedSubscription(
                    rs.getString(3), rs.getString(2), rs.getString(4), rs.getString(5))));
  }
}
