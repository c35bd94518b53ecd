package org.cluetrain.app.storage;

import java.nio.file.Path;
import org.cluetrain.access.AccountStore;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.audit.AuditLog;
import org.cluetrain.inbox.InboxStore;
import org.cluetrain.ingest.GapLedger;
import org.cluetrain.ingest.SourceStateStore;
import org.cluetrain.ingest.SubscriptionStore;
import org.cluetrain.jdbc.JdbcStorage;
import org.cluetrain.lucene.LucenePostStore;
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
 * The relational stores in one database, opened once and shared by all of them, and the posts in a
 * Lucene index ({@code index/}) in the data directory. Embedded, the database is one SQLite file
 * beside the index ({@code ledger.db}); with {@code kind: postgresql} it is a PostgreSQL database.
 */
final class RelationalAndIndexStorage implements StorageBackend {
  private final JdbcStorage relational;
  private final LucenePostStore posts;

  private RelationalAndIndexStorage(JdbcStorage relational, LucenePostStore posts) {
    this.relational = relational;
    this.posts = posts;
  }

  /** The embedded backend: everything in the data directory. */
  static RelationalAndIndexStorage embedded(Path dataDir) {
    return withIndex(relational(StorageConfig.EMBEDDED, dataDir), dataDir);
  }

  /** The relational stores in PostgreSQL, the index in the data directory. */
  static RelationalAndIndexStorage postgresql(StorageConfig config, Path dataDir) {
    return withIndex(relational(config, dataDir), dataDir);
  }

  /**
   * The relational stores alone, without the index: for tools that work beside a running server,
   * which holds the index's only writer.
   */
  static JdbcStorage relational(StorageConfig config, Path dataDir) {
    return switch (config.kind()) {
      case EMBEDDED -> JdbcStorage.openSqlite(dataDir.resolve("ledger.db"));
      case POSTGRESQL ->
          JdbcStorage.openPostgres(config.url(), config.user(), config.resolvedPassword());
    };
  }

  private static RelationalAndIndexStorage withIndex(JdbcStorage relational, Path dataDir) {
    try {
      return new RelationalAndIndexStorage(
          relational, new LucenePostStore(dataDir.resolve("index")));
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
  public GapLedger gaps() {
    return relational.gaps();
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
  public AuditLog auditLog() {
    return relational.auditLog();
  }

  @Override
  public AccountStore accounts() {
    return relational.accounts();
  }

  @Override
  public PseudonymStore pseudonyms() {
    return relational.pseudonyms();
  }

  @Override
  public SuppressionList suppressionList() {
    return relational.suppressionList();
  }

  @Override
  public RetentionLog retentionLog() {
    return relational.retentionLog();
  }

  @Override
  public QueryStore queries() {
    return relational.queries();
  }

  @Override
  public GoalStore goals() {
    return relational.goals();
  }

  @Override
  public void close() {
    try (relational) {
      posts.close();
    }
  }
}
