package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.query.QueryStore;
import org.cluetrain.testkit.QueryStoreCompatibilityKit;

/**
 * The kit on a fresh database of the test PostgreSQL server; each reopening connects to it again.
 */
class PostgresQueryStoreTest extends QueryStoreCompatibilityKit {
  private final TestDatabase database = TestDatabase.postgres();

  @Override
  protected QueryStore open(Path directory) {
    return database.openStorage().queries();
  }
}
