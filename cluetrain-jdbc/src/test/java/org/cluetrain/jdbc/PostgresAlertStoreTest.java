package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.testkit.AlertStoreCompatibilityKit;
import org.cluetrain.testkit.OpenStore;

/**
 * The kit on a fresh database of the test PostgreSQL server; each reopening connects to it again.
 */
class PostgresAlertStoreTest extends AlertStoreCompatibilityKit {
  private final TestDatabase database = TestDatabase.postgres();

  @Override
  protected OpenStore<AlertStore> open(Path directory) {
    JdbcStorage storage = database.openStorage();
    return new OpenStore<>(storage.alerts(), storage);
  }
}
