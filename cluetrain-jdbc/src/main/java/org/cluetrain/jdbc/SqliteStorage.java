package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.access.AccountStore;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.inbox.InboxStore;
import org.cluetrain.ingest.SourceStateStore;
import org.cluetrain.ingest.SubscriptionStore;
import org.cluetrain.query.QueryStore;
import org.cluetrain.store.ActivityRollups;
import org.cluetrain.store.PostLedger;
import org.cluetrain.store.QueryLedger;
import org.cluetrain.store.RelevanceLabelStore;

/**
 * Every relational store of Cluetrain in one SQLite file, opened once: one connection, one lock,
 * shared by the adapters of every role (ledger roles, alerts, accounts, saved queries, inbox).
 * Write-ahead logging makes each committed transaction survive a crash of the process.
 *
 * <p>One connection, used under one lock: SQLite serialises writers anyway, and the pipeline writes
 * in batches, so a pool would add nothing but contention.
 */
public final class SqliteStorage implements AutoCloseable {
  /**
   * The newest ledger schema version; {@code schema-v1.sql} … {@code schema-vN.sql} are applied.
   */
  static final int SCHEMA_VERSION = 2;

  private final SqliteDatabase database;
  private final JdbcPostLedger postLedger;
  private final JdbcActivityRollups rollups;
  private final JdbcSourceStateStore sourceStates;
  private final JdbcSubscriptionStore subscriptions;
  private final JdbcRelevanceLabelStore relevanceLabels;
  private final JdbcQueryLedger queryLedger;
  private final JdbcAlertStore alerts;
  private final JdbcAccountStore accounts;
  private final JdbcQueryStore queries;
  private final JdbcInbox inbox;

  private SqliteStorage(SqliteDatabase database) {
    this.database = database;
    this.postLedger = new JdbcPostLedger(database);
    this.rollups = new JdbcActivityRollups(database);
    this.sourceStates = new JdbcSourceStateStore(database);
    this.subscriptions = new JdbcSubscriptionStore(database);
    this.relevanceLabels = new JdbcRelevanceLabelStore(database);
    this.queryLedger = new JdbcQueryLedger(database);
    this.alerts = new JdbcAlertStore(database.connection(), database);
    this.accounts = new JdbcAccountStore(database);
    this.queries = new JdbcQueryStore(database);
    this.inbox = new JdbcInbox(database);
  }

  /**
   * Opens (creating if needed) the database in this file and brings every schema up to date: each
   * version's script in order ({@code schema-v1.sql}, {@code schema-v2.sql}, …), each idempotent,
   * then the accounts', saved queries' and inbox's.
   */
  public static SqliteStorage open(Path file) {
    String[] scripts = new String[SCHEMA_VERSION + 3];
    for (int version = 1; version <= SCHEMA_VERSION; version++) {
      scripts[version - 1] = "schema-v" + version + ".sql";
    }
    scripts[SCHEMA_VERSION] = "queries-v1.sql";
    scripts[SCHEMA_VERSION + 1] = "accounts-v1.sql";
    scripts[SCHEMA_VERSION + 2] = "inbox-v1.sql";
    SqliteDatabase database = SqliteDatabase.open(file, scripts);
    try {
      return new SqliteStorage(database);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  public PostLedger postLedger() {
    return postLedger;
  }

  public ActivityRollups rollups() {
    return rollups;
  }

  public SourceStateStore sourceStates() {
    return sourceStates;
  }

  public SubscriptionStore subscriptions() {
    return subscriptions;
  }

  public RelevanceLabelStore relevanceLabels() {
    return relevanceLabels;
  }

  public QueryLedger queryLedger() {
    return queryLedger;
  }

  public AlertStore alerts() {
    return alerts;
  }

  public AccountStore accounts() {
    return accounts;
  }

  /** The saved queries written in the web interface. */
  public QueryStore queries() {
    return queries;
  }

  public InboxStore inbox() {
    return inbox;
  }

  /** Closes the one connection every store of this file shares. */
  @Override
  public void close() {
    database.close();
  }
}
