package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.ingest.SourceStateStore;
import org.cluetrain.ingest.SubscriptionStore;
import org.cluetrain.store.ActivityRollups;
import org.cluetrain.store.PostLedger;
import org.cluetrain.store.QueryLedger;
import org.cluetrain.store.RelevanceLabelStore;
import org.cluetrain.testkit.LedgerRoles;

/** The ledger roles of one SQLite file, as the kits open them. */
record SqliteLedgerRoles(SqliteStorage storage) implements LedgerRoles {

  static SqliteLedgerRoles open(Path directory) {
    return new SqliteLedgerRoles(SqliteStorage.open(directory.resolve("ledger.db")));
  }

  @Override
  public PostLedger postLedger() {
    return storage.postLedger();
  }

  @Override
  public ActivityRollups rollups() {
    return storage.rollups();
  }

  @Override
  public SourceStateStore sourceStates() {
    return storage.sourceStates();
  }

  @Override
  public SubscriptionStore subscriptions() {
    return storage.subscriptions();
  }

  @Override
  public RelevanceLabelStore relevanceLabels() {
    return storage.relevanceLabels();
  }

  @Override
  public QueryLedger queryLedger() {
    return storage.queryLedger();
  }

  @Override
  public void close() {
    storage.close();
  }
}
