package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.access.AccountStore;
import org.cluetrain.testkit.AccountStoreCompatibilityKit;

/** The store alone on its file; closing it closes the file it shares with the others. */
class SqliteAccountStoreTest extends AccountStoreCompatibilityKit {
  @Override
  protected AccountStore open(Path directory) {
    return SqliteStorage.open(directory.resolve("ledger.db")).accounts();
  }
}
