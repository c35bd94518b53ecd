package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.privacy.PseudonymStore;
import org.cluetrain.testkit.OpenStore;
import org.cluetrain.testkit.PseudonymStoreCompatibilityKit;

class SqlitePseudonymStoreTest extends PseudonymStoreCompatibilityKit {
  @Override
  protected OpenStore<PseudonymStore> open(Path directory) {
    JdbcStorage storage = JdbcStorage.openSqlite(directory.resolve("ledger.db"));
    return new OpenStore<>(storage.pseudonyms(), storage);
  }
}
