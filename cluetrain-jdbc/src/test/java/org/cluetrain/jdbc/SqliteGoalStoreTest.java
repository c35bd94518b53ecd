package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.report.goal.GoalStore;
import org.cluetrain.testkit.GoalStoreCompatibilityKit;

/** The store alone on its file; closing it closes the file it shares with the others. */
class SqliteGoalStoreTest extends GoalStoreCompatibilityKit {
  @Override
  protected GoalStore open(Path directory) {
    return JdbcStorage.openSqlite(directory.resolve("ledger.db")).goals();
  }
}
