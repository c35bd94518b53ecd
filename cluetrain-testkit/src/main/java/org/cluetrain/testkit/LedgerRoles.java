package org.cluetrain.testkit;

import org.cluetrain.ingest.GapLedger;
import org.cluetrain.ingest.SourceStateStore;
import org.cluetrain.ingest.SubscriptionStore;
import org.cluetrain.store.ActivityRollups;
import org.cluetrain.store.PostLedger;
import org.cluetrain.store.QueryLedger;
import org.cluetrain.store.RelevanceLabelStore;

/**
 * The ledger's roles as one backend provides them over one set of data, for the kits: the roll-ups
 * kit records through the post ledger and reads the figures back, so the roles must share data.
 */
public interface LedgerRoles extends AutoCloseable {
  PostLedger postLedger();

  ActivityRollups rollups();

  SourceStateStore sourceStates();

  GapLedger gaps();

  SubscriptionStore subscriptions();

  RelevanceLabelStore relevanceLabels();

  QueryLedger queryLedger();

  /** Releases the backend (its connection, its files); the data stays. */
  @Override
  void close();
}
