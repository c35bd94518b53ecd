package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.access.AccountStore;
import org.cluetrain.testkit.AccountStoreCompatibilityKit;

/**
 * The kit on a fresh database of the test PostgreSQL server; each reopening connects to it again.
 */
class PostgresAccountStoreTest extends AccountStoreCompatibilityKit {
  private final TestDatabase database = TestDatabase.postgres();

  @Override
  protected AccountStore open(Path directory) {
    return database.openStorage().accounts();
  }
}
