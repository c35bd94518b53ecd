package org.cluetrain.jdbc;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cluetrain.store.RetentionLog;

/** Retention runs in the {@code retention_runs} table: one row per project per run. */
final class JdbcRetentionLog implements RetentionLog {
  private final JdbcDatabase database;

  JdbcRetentionLog(JdbcDatabase database) {
    this.database = database;
  }

  @Override
  public void record(Run run) {
    database.inTransaction(
        "a retention run",
        () -> {
          for (Map.Entry<String, Removed> project : run.projects().entrySet()) {
            database.update(
                "a retention run",
                "INSERT INTO retention_runs (ran_at, project, posts, inbox_items) VALUES (?,?,?,?)"
                    + " ON CONFLICT (ran_at, project) DO UPDATE SET posts = excluded.posts,"
                    + " inbox_items = excluded.inbox_items",
                run.at().toEpochMilli(),
                project.getKey(),
                project.getValue().posts(),
                project.getValue().inboxItems());
          }
          return run.projects().size();
        });
  }

  @Override
  public Optional<Run> last() {
    record Row(long at, String project, Removed removed) {}
    List<Row> rows =
        database.select(
            "the last retention run",
            "SELECT ran_at, project, posts, inbox_items FROM retention_runs"
                + " WHERE ran_at = (SELECT MAX(ran_at) FROM retention_runs) ORDER BY project",
            rs ->
                new Row(rs.getLong(1), rs.getString(2), new Removed(rs.getLong(3), rs.getLong(4))));
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Removed> projects = new LinkedHashMap<>();
    rows.forEach(r -> projects.put(r.project(), r.removed()));
    return Optional.of(new Run(Instant.ofEpochMilli(rows.get(0).at()), projects));
  }
}
