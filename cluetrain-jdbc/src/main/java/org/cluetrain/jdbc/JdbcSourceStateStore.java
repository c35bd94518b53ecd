package org.cluetrain.jdbc;

import static org.cluetrain.jdbc.Columns.SEPARATOR;
import static org.cluetrain.jdbc.Columns.instant;
import static org.cluetrain.jdbc.Columns.setInstant;
import static org.cluetrain.jdbc.Columns.split;

import java.sql.PreparedStatement;
import java.util.List;
import org.cluetrain.ingest.SourceDefinition;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.ingest.SourceStateStore;
import org.jspecify.annotations.Nullable;

/** Sources' health and feeds' HTTP validators, one row per source in {@code source_health}. */
final class JdbcSourceStateStore implements SourceStateStore {
  private final JdbcDatabase database;

  JdbcSourceStateStore(JdbcDatabase database) {
    this.database = database;
  }

  @Override
  public void saveHealth(SourceHealth health) {
    database.withConnection(
        "cannot save the health of " + health.sourceId(),
        connection -> {
          try (PreparedStatement ps =
              connection.prepareStatement(
                  "INSERT INTO source_health (source_id, project, url, state, last_attempt,"
                      + " last_success, last_error, consecutive_failures, items_fetched,"
                      + " items_unparseable, next_attempt, gaps) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
                      + " ON CONFLICT (source_id) DO UPDATE SET project = excluded.project,"
                      + " url = excluded.url, state = excluded.state,"
                      + " last_attempt = excluded.last_attempt, last_success = excluded.last_success,"
                      + " last_error = excluded.last_error,"
                      + " consecutive_failures = excluded.consecutive_failures,"
                      + " items_fetched = excluded.items_fetched,"
                      + " items_unparseable = excluded.items_unparseable,"
                      + " next_attempt = excluded.next_attempt, gaps = excluded.gaps")) {
            ps.setString(1, health.sourceId());
            ps.setString(2, health.project());
            ps.setString(3, health.url());
            ps.setString(4, health.state().name());
            setInstant(ps, 5, health.lastAttempt());
            setInstant(ps, 6, health.lastSuccess());
            ps.setString(7, health.lastError());
            ps.setInt(8, health.consecutiveFailures());
            ps.setLong(9, health.itemsFetched());
            ps.setLong(10, health.itemsUnparseable());
            setInstant(ps, 11, health.nextAttempt());
            ps.setString(12, String.join(SEPARATOR, health.gaps()));
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public void saveValidators(
      String sourceId, @Nullable String etag, @Nullable String lastModified) {
    database.update(
        "the validators of " + sourceId,
        "UPDATE source_health SET etag = ?, last_modified = ? WHERE source_id = ?",
        etag,
        lastModified,
        sourceId);
  }

  @Override
  public void saveCursor(String sourceId, @Nullable String cursor) {
    database.update(
        "the cursor of " + sourceId,
        "UPDATE source_health SET cursor_position = ? WHERE source_id = ?",
        cursor,
        sourceId);
  }

  @Override
  public java.util.Optional<String> cursor(String sourceId) {
    return database
        .select(
            "the cursor of " + sourceId,
            "SELECT cursor_position FROM source_health WHERE source_id = ?"
                + " AND cursor_position IS NOT NULL",
            rs -> rs.getString(1),
            sourceId)
        .stream()
        .findFirst();
  }

  @Override
  public java.util.Optional<String[]> validators(String sourceId) {
    return database
        .select(
            "the validators of " + sourceId,
            "SELECT etag, last_modified FROM source_health WHERE source_id = ?",
            rs -> new String[] {rs.getString(1), rs.getString(2)},
            sourceId)
        .stream()
        .findFirst();
  }

  @Override
  public List<SourceHealth> health() {
    return database.select(
        "source health",
        "SELECT source_id, project, url, state, last_attempt, last_success, last_error,"
            + " consecutive_failures, items_fetched, items_unparseable, next_attempt, gaps"
            + " FROM source_health ORDER BY project, source_id",
        rs ->
            new SourceHealth(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                SourceHealth.State.valueOf(rs.getString(4)),
                instant(rs, 5),
                instant(rs, 6),
                rs.getString(7),
                rs.getInt(8),
                rs.getLong(9),
                rs.getLong(10),
                instant(rs, 11),
                split(rs.getString(12))));
  }

  @Override
  public void saveDefinition(SourceDefinition definition) {
    List<String> settings = new java.util.ArrayList<>();
    new java.util.TreeMap<>(definition.settings())
        .forEach((key, value) -> settings.add(key + "=" + value));
    database.update(
        "the source " + definition.name() + " of " + definition.project(),
        "INSERT INTO source_definitions (project, name, kind, url, settings, every_seconds)"
            + " VALUES (?,?,?,?,?,?) ON CONFLICT (project, name) DO UPDATE SET"
            + " kind = excluded.kind, url = excluded.url, settings = excluded.settings,"
            + " every_seconds = excluded.every_seconds",
        definition.project(),
        definition.name(),
        definition.kind(),
        definition.url(),
        String.join(SEPARATOR, settings),
        definition.everySeconds());
  }

  @Override
  public boolean removeDefinition(String project, String name) {
    return database.update(
            "the removal of source " + name + " of " + project,
            "DELETE FROM source_definitions WHERE project = ? AND name = ?",
            project,
            name)
        > 0;
  }

  @Override
  public List<SourceDefinition> definitions() {
    return database.select(
        "the sources defined on the Sources page",
        "SELECT project, name, kind, url, settings, every_seconds FROM source_definitions"
            + " ORDER BY project, name",
        rs -> {
          java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
          for (String pair : split(rs.getString(5))) {
            int eq = pair.indexOf('=');
            settings.put(pair.substring(0, eq), pair.substring(eq + 1));
          }
          return new SourceDefinition(
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              settings,
              rs.getLong(6));
        });
  }
}
