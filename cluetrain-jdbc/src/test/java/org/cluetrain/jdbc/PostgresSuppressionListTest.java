package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.privacy.SuppressionList;
import org.cluetrain.testkit.OpenStore;
import org.cluetrain.testkit.SuppressionListCompatibilityKit;

/**
 * The kit on a fresh database of the test PostgreSQL server; each reopening connects to it again.
 */
class PostgresSuppressionListTest extends SuppressionListCompatibilityKit {
  private final TestDatabase database = TestDatabase.postgres();

  @Override
  protected OpenStore<SuppressionList> open(Path directory) {
    JdbcStorage storage = database.openStorage();
    return new OpenStore<>(storage.suppressionList(), storage);
  }
}
