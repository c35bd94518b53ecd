package org.cluetrain.app.storage;

import org.cluetrain.access.AccountStore;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.audit.AuditLog;
import org.cluetrain.inbox.InboxStore;
import org.cluetrain.ingest.GapLedger;
import org.cluetrain.ingest.SourceStateStore;
import org.cluetrain.ingest.SubscriptionStore;
import org.cluetrain.privacy.PseudonymStore;
import org.cluetrain.privacy.SuppressionList;
import org.cluetrain.query.QueryStore;
import org.cluetrain.report.goal.GoalStore;
import org.cluetrain.store.ActivityRollups;
import org.cluetrain.store.PostLedger;
import org.cluetrain.store.PostStore;
import org.cluetrain.store.QueryLedger;
import org.cluetrain.store.RelevanceLabelStore;
import org.cluetrain.store.RetentionLog;

/**
 * Every store the runtime needs, as one backend provides them: opened together, sharing one
 * connection (or pool) per database, closed together. The runtime reaches storage only through this
 * interface; which backend it gets is the configuration's choice ({@link StorageBackends}).
 */
public interface StorageBackend extends AutoCloseable {

  /** The searchable posts. */
  PostStore posts();

  /** Which posts are known and what they matched. */
  PostLedger postLedger();

  /** Counts, hourly roll-ups, threads and authors. */
  ActivityRollups rollups();

  /** Sources' health and feeds' HTTP validators. */
  SourceStateStore sourceStates();

  /** Live sources' gaps: every interval a source could not cover. */
  GapLedger gaps();

  /** Feeds subscribed by importing lists of feeds. */
  SubscriptionStore subscriptions();

  /** The analysts' relevance verdicts. */
  RelevanceLabelStore relevanceLabels();

  /** The queries in effect, beside their matches. */
  QueryLedger queryLedger();

  /** Alerts, their acknowledgements and deliveries. */
  AlertStore alerts();

  /** The engagement inbox: items, their logs, saved replies. */
  InboxStore inbox();

  /** Accounts, sessions and API tokens. */
  AccountStore accounts();

  /** The sealed identities of author pseudonyms. */
  PseudonymStore pseudonyms();

  /** The keyed hashes of authors erased on request. */
  SuppressionList suppressionList();

  /** When retention ran and what it removed. */
  RetentionLog retentionLog();

  /** The saved queries written in the web interface. */
  QueryStore queries();

  /** The goals written in the web interface, with every version saved. */
  GoalStore goals();

  /** Who signed in, changed users or settings, exported or erased: append-only. */
  AuditLog auditLog();

  /** Closes every store of the backend. */
  @Override
  void close();
}
