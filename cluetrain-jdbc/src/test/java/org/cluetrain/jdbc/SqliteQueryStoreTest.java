package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.query.QueryStore;
import org.cluetrain.testkit.QueryStoreCompatibilityKit;

/** The store alone on its file; closing it closes the file it shares with the others. */
class SqliteQueryStoreTest extends QueryStoreCompatibilityKit {
  @Override
  protected QueryStore open(Path directory) {
    return SqliteStorage.open(directory.resolve("ledger.db")).queries();
  }
}
