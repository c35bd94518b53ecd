package org.cluetrain.jdbc;

import java.nio.file.Path;
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
import org.cluetrain.store.QueryLedger;
import org.cluetrain.store.RelevanceLabelStore;
import org.cluetrain.store.RetentionLog;

/**
 * Every relational store of Cluetrain in one database, opened once and shared by the adapters of
 * every role (ledger roles, alerts, accounts, saved queries, inbox): embedded, one SQLite file with
 * one connection and one lock; for a team, a PostgreSQL database with one pool of connections.
 */
public final class JdbcStorage implements AutoCloseable {
  private final JdbcDatabase database;
  private final JdbcPostLedger postLedger;
  private final JdbcActivityRollups rollups;
  private final JdbcSourceStateStore sourceStates;
  private final JdbcGapLedger gaps;
  private final JdbcSubscriptionStore subscriptions;
  private final JdbcRelevanceLabelStore relevanceLabels;
  private final JdbcQueryLedger queryLedger;
  private final JdbcAlertStore alerts;
  private final JdbcAccountStore accounts;
  private final JdbcQueryStore queries;
  private final JdbcGoalStore goals;
  private final JdbcInbox inbox;
  private final JdbcAuditLog auditLog;
  private final JdbcSuppressionList suppressionList;
  private final JdbcRetentionLog retentionLog;
  private final JdbcPseudonymStore pseudonyms;

  private JdbcStorage(JdbcDatabase database) {
    this.database = database;
    this.postLedger = new JdbcPostLedger(database);
    this.rollups = new JdbcActivityRollups(database);
    this.sourceStates = new JdbcSourceStateStore(database);
    this.gaps = new JdbcGapLedger(database);
    this.subscriptions = new JdbcSubscriptionStore(database);
    this.relevanceLabels = new JdbcRelevanceLabelStore(database);
    this.queryLedger = new JdbcQueryLedger(database);
    this.alerts = new JdbcAlertStore(database);
    // closing one of these closes the database they share, as closing the storage does
    this.accounts = new JdbcAccountStore(database, true);
    this.queries = new JdbcQueryStore(database, true);
    this.goals = new JdbcGoalStore(database, true);
    this.inbox = new JdbcInbox(database, true);
    this.auditLog = new JdbcAuditLog(database);
    this.suppressionList = new JdbcSuppressionList(database);
    this.retentionLog = new JdbcRetentionLog(database);
    this.pseudonyms = new JdbcPseudonymStore(database);
  }

  /** Opens (creating if needed) the SQLite file and brings its schema up to date. */
  public static JdbcStorage openSqlite(Path file) {
    return over(JdbcDatabase.openSqlite(file));
  }

  /** Connects to a PostgreSQL database and brings its schema up to date. */
  public static JdbcStorage openPostgres(String url, String user, String password) {
    return over(JdbcDatabase.openPostgres(url, user, password));
  }

  /** The stores over a database opened already; closing them closes it. */
  public static JdbcStorage over(JdbcDatabase database) {
    try {
      return new JdbcStorage(database);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** Which database the stores are in. */
  public SqlDialect dialect() {
    return database.dialect();
  }

  public PseudonymStore pseudonyms() {
    return pseudonyms;
  }

  public SuppressionList suppressionList() {
    return suppressionList;
  }

  /** When retention ran and what it removed. */
  public RetentionLog retentionLog() {
    return retentionLog;
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

  public GapLedger gaps() {
    return gaps;
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

  /** The goals written in the web interface, with every version saved. */
  public GoalStore goals() {
    return goals;
  }

  public InboxStore inbox() {
    return inbox;
  }

  /** Who signed in, changed users or settings, exported or erased: append-only. */
  public AuditLog auditLog() {
    return auditLog;
  }

  /** Closes the connection or the pool every store shares. */
  @Override
  public void close() {
    database.close();
  }
}
