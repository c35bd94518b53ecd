package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.testkit.GapLedgerCompatibilityKit;
import org.cluetrain.testkit.LedgerRoles;

class SqliteGapLedgerTest extends GapLedgerCompatibilityKit {
  @Override
  protected LedgerRoles open(Path directory) {
    return JdbcLedgerRoles.sqlite(directory);
  }
}
