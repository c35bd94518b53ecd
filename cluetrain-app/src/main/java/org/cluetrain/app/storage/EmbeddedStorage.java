package org.cluetrain.app.storage;

import java.nio.file.Path;
import org.cluetrain.access.AccountStore;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.inbox.InboxStore;
import org.cluetrain.ingest.SourceStateStore;
import org.cluetrain.ingest.SubscriptionStore;
import org.cluetrain.jdbc.SqliteStorage;
import org.cluetrain.lucene.LucenePostStore;
import org.cluetrain.query.QueryStore;
import org.cluetrain.store.ActivityRollups;
import org.cluetrain.store.PostLedger;
import org.cluetrain.store.PostStore;
import org.cluetrain.store.QueryLedger;
import org.cluetrain.store.RelevanceLabelStore;

/**
 * The embedded backend: a Lucene index ({@code index/}) and one SQLite file ({@code ledger.db}),
 * opened once and shared by every relational store, in the data directory.
 */
final class EmbeddedStorage implements StorageBackend {
  private final SqliteStorage relational;
  private final LucenePostStore posts;

  private EmbeddedStorage(SqliteStorage relational, LucenePostStore posts) {
    this.relational = relational;
    this.posts = posts;
  }

  static EmbeddedStorage open(Path dataDir) {
    SqliteStorage relational = SqliteStorage.open(dataDir.resolve("ledger.db"));
    try {
      return new EmbeddedStorage(relational, new LucenePostStore(dataDir.resolve("index")));
    } catch (RuntimeException e) {
      relational.close();
      throw e;
    }
  }

  @Override
  public PostStore posts() {
    return posts;
  }

  @Override
  public PostLedger postLedger() {
    return relational.postLedger();
  }

  @Override
  public ActivityRollups rollups() {
    return relational.rollups();
  }

  @Override
  public SourceStateStore sourceStates() {
    return relational.sourceStates();
  }

  @Override
  public SubscriptionStore subscriptions() {
    return relational.subscriptions();
  }

  @Override
  public RelevanceLabelStore relevanceLabels() {
    return relational.relevanceLabels();
  }

  @Override
  public QueryLedger queryLedger() {
    return relational.queryLedger();
  }

  @Override
  public AlertStore alerts() {
    return relational.alerts();
  }

  @Override
  public InboxStore inbox() {
    return relational.inbox();
  }

  @Override
  public AccountStore accounts() {
    return relational.accounts();
  }

  @Override
  public QueryStore queries() {
    return relational.queries();
  }

  @Override
  public void close() {
    try (relational) {
      posts.close();
    }
  }
}
