package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.testkit.AlertStoreCompatibilityKit;
import org.cluetrain.testkit.OpenStore;

class SqliteAlertStoreTest extends AlertStoreCompatibilityKit {
  @Override
  protected OpenStore<AlertStore> open(Path directory) {
    SqliteStorage storage = SqliteStorage.open(directory.resolve("ledger.db"));
    return new OpenStore<>(storage.alerts(), storage);
  }
}
