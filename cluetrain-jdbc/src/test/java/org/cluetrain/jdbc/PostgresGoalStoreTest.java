package org.cluetrain.jdbc;

import java.nio.file.Path;
import org.cluetrain.report.goal.GoalStore;
import org.cluetrain.testkit.GoalStoreCompatibilityKit;

/**
 * The kit on a fresh database of the test PostgreSQL server; each reopening connects to it again.
 */
class PostgresGoalStoreTest extends GoalStoreCompatibilityKit {
  private final TestDatabase database = TestDatabase.postgres();

  @Override
  protected GoalStore open(Path directory) {
    return database.openStorage().goals();
  }
}
