package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.ingest.GapLedger;
import org.cluetrain.ingest.SourceStateStore;
import org.cluetrain.ingest.SubscriptionStore;
import org.cluetrain.store.ActivityRollups;
import org.cluetrain.store.PostLedger;
import org.cluetrain.store.QueryLedger;
import org.cluetrain.store.RelevanceLabelStore;
import org.cluetrain.testkit.LedgerRoles;

/** The ledger roles of one database, as the kits open them. */
record JdbcLedgerRoles(JdbcStorage storage) implements LedgerRoles {

  static JdbcLedgerRoles sqlite(Path directory) {
    return new JdbcLedgerRoles(JdbcStorage.openSqlite(directory.resolve("ledger.db")));
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
  public GapLedger gaps() {
    return storage.gaps();
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
