package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.testkit.LedgerRoles;
import org.cluetrain.testkit.RelevanceLabelStoreCompatibilityKit;

/**
 * The kit on a fresh database of the test PostgreSQL server; each reopening connects to it again.
 */
class PostgresRelevanceLabelStoreTest extends RelevanceLabelStoreCompatibilityKit {
  private final TestDatabase database = TestDatabase.postgres();

  @Override
  protected LedgerRoles open(Path directory) {
    return new JdbcLedgerRoles(database.openStorage());
  }
}
