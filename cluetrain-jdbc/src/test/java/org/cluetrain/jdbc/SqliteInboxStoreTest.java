package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.inbox.InboxStore;
import org.cluetrain.testkit.InboxStoreCompatibilityKit;

/** The store alone on its file; closing it closes the file it shares with the others. */
class SqliteInboxStoreTest extends InboxStoreCompatibilityKit {
  @Override
  protected InboxStore open(Path directory) {
    return SqliteStorage.open(directory.resolve("ledger.db")).inbox();
  }
}
