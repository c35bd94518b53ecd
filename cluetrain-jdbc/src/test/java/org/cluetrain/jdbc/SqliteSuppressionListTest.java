package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.privacy.SuppressionList;
import org.cluetrain.testkit.OpenStore;
import org.cluetrain.testkit.SuppressionListCompatibilityKit;

class SqliteSuppressionListTest extends SuppressionListCompatibilityKit {
  @Override
  protected OpenStore<SuppressionList> open(Path directory) {
    JdbcStorage storage = JdbcStorage.openSqlite(directory.resolve("ledger.db"));
    return new OpenStore<>(storage.suppressionList(), storage);
  }
}
