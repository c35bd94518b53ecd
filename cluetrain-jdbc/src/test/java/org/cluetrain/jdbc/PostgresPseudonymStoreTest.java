package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.privacy.PseudonymStore;
import org.cluetrain.testkit.OpenStore;
import org.cluetrain.testkit.PseudonymStoreCompatibilityKit;

/**
 * The kit on a fresh database of the test PostgreSQL server; each reopening connects to it again.
 */
class PostgresPseudonymStoreTest extends PseudonymStoreCompatibilityKit {
  private final TestDatabase database = TestDatabase.postgres();

  @Override
  protected OpenStore<PseudonymStore> open(Path directory) {
    JdbcStorage storage = database.openStorage();
    return new OpenStore<>(storage.pseudonyms(), storage);
  }
}
