package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.audit.AuditLog;
import org.cluetrain.testkit.AuditLogCompatibilityKit;
import org.cluetrain.testkit.OpenStore;

/** The kit on the ledger's SQLite file. */
class SqliteAuditLogTest extends AuditLogCompatibilityKit {
  private JdbcDatabase database;

  @Override
  protected OpenStore<AuditLog> open(Path directory) {
    database = JdbcDatabase.openSqlite(directory.resolve("ledger.db"));
    return new OpenStore<>(new JdbcAuditLog(database), database);
  }

  @Override
  protected boolean tryToRewrite(OpenStore<AuditLog> log, long id) {
    return AuditRewrites.refused(database, id);
  }
}
