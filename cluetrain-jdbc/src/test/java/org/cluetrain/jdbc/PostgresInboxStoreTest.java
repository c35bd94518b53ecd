package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.inbox.InboxStore;
import org.cluetrain.testkit.InboxStoreCompatibilityKit;

/**
 * The kit on a fresh database of the test PostgreSQL server; each reopening connects to it again.
 */
class PostgresInboxStoreTest extends InboxStoreCompatibilityKit {
  private final TestDatabase database = TestDatabase.postgres();

  @Override
  protected InboxStore open(Path directory) {
    return database.openStorage().inbox();
  }
}
