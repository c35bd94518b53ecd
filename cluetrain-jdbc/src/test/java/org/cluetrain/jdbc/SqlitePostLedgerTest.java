package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.testkit.LedgerRoles;
import org.cluetrain.testkit.PostLedgerCompatibilityKit;

class SqlitePostLedgerTest extends PostLedgerCompatibilityKit {
  @Override
  protected LedgerRoles open(Path directory) {
    return SqliteLedgerRoles.open(directory);
  }
}
