package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.audit.AuditLog;
import org.cluetrain.testkit.AuditLogCompatibilityKit;
import org.cluetrain.testkit.OpenStore;

/** The kit on a fresh database of the test PostgreSQL server. */
class PostgresAuditLogTest extends AuditLogCompatibilityKit {
  private final TestDatabase test = TestDatabase.postgres();
  private JdbcDatabase database;

  @Override
  protected OpenStore<AuditLog> open(Path directory) {
    database = test.open();
    return new OpenStore<>(new JdbcAuditLog(database), database);
  }

  @Override
  protected boolean tryToRewrite(OpenStore<AuditLog> log, long id) {
    return AuditRewrites.refused(database, id);
  }
}
