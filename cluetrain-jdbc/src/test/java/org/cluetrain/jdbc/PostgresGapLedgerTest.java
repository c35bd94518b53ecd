package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.testkit.GapLedgerCompatibilityKit;
import org.cluetrain.testkit.LedgerRoles;

/**
 * The kit on a fresh database of the test PostgreSQL server; each reopening connects to it again.
 */
class PostgresGapLedgerTest extends GapLedgerCompatibilityKit {
  private final TestDatabase database = TestDatabase.postgres();

  @Override
  protected LedgerRoles open(Path directory) {
    return new JdbcLedgerRoles(database.openStorage());
  }
}
