package org.cluetrain.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cluetrain.inbox.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger.db written before the schema was migrated by versions (by the schema scripts each store
 * ran at start) opens, keeps its data and is brought to the newest version.
 */
class SqliteMigrationTest {
  @TempDir Path dir;

  private Path ledgerFromBeforeMigrations() throws Exception {
    Path file = dir.resolve("ledger.db");
    try (InputStream in = getClass().getResourceAsStream("ledger-before-migrations.db")) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void aLedgerFromBeforeMigrationsIsBaselinedAndKeepsItsData() throws Exception {
    Path file = ledgerFromBeforeMigrations();
    try (JdbcDatabase database = JdbcDatabase.openSqlite(file)) {
      assertThat(
              database.select(
                  "history",
                  "SELECT version, description FROM flyway_schema_history ORDER BY installed_rank",
                  rs -> rs.getString(1) + " " + rs.getString(2)))
          .containsExactly(
              "0 tables made before migrations",
              "1 ledger",
              "2 alerts",
              "3 accounts",
              "4 inbox",
              "5 edited queries",
              // 6 is PostgreSQL's alone (id sequences)
              "7 spam posts",
              "8 audit log",
              "9 audit log append only",
              "10 gap ledger",
              "21 suppressed authors",
              "25 matched queries on posts",
              "26 retention",
              "27 goals");
      // the match rows of the posts table's posts moved into their own rows
      assertThat(
              database.select(
                  "matched queries",
                  "SELECT queries FROM posts WHERE id = 'a'",
                  rs -> rs.getString(1)))
          .containsExactly("\nbahn/stoerung\n");
      JdbcAccountStore accounts = new JdbcAccountStore(database);
      assertThat(accounts.find("admin"))
          .hasValueSatisfying(a -> assertThat(a.language()).isEqualTo("de"));
      assertThat(accounts.passwordHash("admin")).hasValue("hash");
      JdbcInbox inbox = new JdbcInbox(database);
      assertThat(inbox.counts("bahn")).containsEntry(Status.OPEN, 1);
      assertThat(inbox.item("bahn", "a")).isPresent();
      assertThat(new JdbcQueryStore(database).all())
          .singleElement()
          .satisfies(edit -> assertThat(edit.query().text()).isEqualTo("störung"));
      assertThat(new JdbcAlertStore(database).get("alert-1")).isPresent();
    }
    try (JdbcStorage storage = JdbcStorage.openSqlite(file)) {
      assertThat(storage.postLedger().knownPostIds(List.of("a", "b"))).isEqualTo(Set.of("a"));
      assertThat(storage.rollups().stats("bahn").byQuery()).containsEntry("bahn/stoerung", 1L);
    }
  }

  @Test
  void openingAgainAppliesNothingTwice() throws Exception {
    Path file = ledgerFromBeforeMigrations();
    JdbcDatabase.openSqlite(file).close();
    JdbcDatabase.openSqlite(file).close();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT COUNT(*), MAX(CAST(version AS INTEGER)) FROM flyway_schema_history")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(14);
      assertThat(rs.getString(2)).isEqualTo("27");
    }
  }

  @Test
  void aNewFileGetsEveryTableFromTheMigrations() {
    try (JdbcDatabase database = JdbcDatabase.openSqlite(dir.resolve("new/ledger.db"))) {
      List<String> tables =
          new ArrayList<>(
              database.select(
                  "tables",
                  "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
                      + " ORDER BY name",
                  rs -> rs.getString(1)));
      assertThat(tables)
          .contains(
              "posts",
              "alerts",
              "accounts",
              "inbox_items",
              "edited_queries",
              "audit_log",
              "source_gaps",
              "source_definitions",
              "retained_counts",
              "retention_runs",
              "goals",
              "goal_versions")
          .contains("flyway_schema_history");
      assertThat(
              database.select(
                  "history", "SELECT version FROM flyway_schema_history", rs -> rs.getString(1)))
          .containsExactly("1", "2", "3", "4", "5", "7", "8", "9", "10", "21", "25", "26", "27");
    }
  }
}
