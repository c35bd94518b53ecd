package org.cluetrain.app.retention;

import org.cluetrain.app.storage.StorageConfig;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.jdbc.TestDatabase;
import org.cluetrain.jdbc.TestPostgres;
import org.junit.jupiter.api.Nested;

/** Retention against the embedded database and against PostgreSQL: the same contract on both. */
class RetentionTest {
  @Nested
  class OnSqlite extends RetentionContract {
    @Override
    Workspace onStorage(Workspace workspace) {
      return workspace;
    }
  }

  @Nested
  class OnPostgresql extends RetentionContract {
    @Override
    Workspace onStorage(Workspace workspace) {
      return workspace.withStorage(
          StorageConfig.postgresql(
              TestDatabase.postgres().url(), TestPostgres.USER, TestPostgres.PASSWORD));
    }
  }
}
