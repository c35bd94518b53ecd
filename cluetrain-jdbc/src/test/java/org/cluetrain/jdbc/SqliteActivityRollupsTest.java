package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.testkit.ActivityRollupsCompatibilityKit;
import org.cluetrain.testkit.LedgerRoles;

class SqliteActivityRollupsTest extends ActivityRollupsCompatibilityKit {
  @Override
  protected LedgerRoles open(Path directory) {
    return SqliteLedgerRoles.open(directory);
  }
}
