package org.cluetrain.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cluetrain.testkit.AlertStoreCompatibilityKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ledgers written by older versions are brought up to date when opened. */
class SqliteSchemaUpgradeTest {
  private static final Instant T = Instant.parse("2026-03-02T10:15:00Z");

  @TempDir Path dir;

  @Test
  void aVersionOneLedgerIsExtendedWithTheAlertTablesAndKeepsItsPosts() throws Exception {
    Path file = dir.resolve("old.db");
    try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = old.createStatement();
        InputStream v1 = SqliteStorage.class.getResourceAsStream("schema-v1.sql")) {
      for (String sql : new String(v1.readAllBytes(), StandardCharsets.UTF_8).split(";\\s*\\n")) {
        String body = sql.replaceAll("(?m)^--.*$", "").strip();
        if (!body.isEmpty()) {
          statement.execute(body);
        }
      }
      statement.execute(
          "INSERT INTO posts (seq, id, source_id, thread_id, kind, published, fingerprint)"
              + " VALUES (1, 'x:1', 's', 'x:1', 'post', 0, 0)");
    }
    try (SqliteStorage storage = SqliteStorage.open(file)) {
      assertThat(storage.postLedger().knownPostIds(Set.of("x:1"))).containsExactly("x:1");
      assertThat(storage.alerts().save(List.of(AlertStoreCompatibilityKit.alert("a", "p", T))))
          .hasSize(1);
    }
  }
}
