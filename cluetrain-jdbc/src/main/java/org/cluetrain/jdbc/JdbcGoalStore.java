package org.cluetrain.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cluetrain.report.goal.Cadence;
import org.cluetrain.report.goal.Goal;
import org.cluetrain.report.goal.GoalStore;
import org.cluetrain.report.goal.Kpi;

/** The goals written in the web interface and their versions, in the ledger's database. */
public final class JdbcGoalStore implements GoalStore {
  private static final String COLUMNS =
      "v.project, v.name, v.version, v.kpi, v.baseline_from, v.baseline_to, v.target,"
          + " v.horizon_start, v.horizon_end, v.owner, v.cadence, v.edited_by, v.edited";

  private final JdbcDatabase database;
  private final boolean ownsDatabase;

  JdbcGoalStore(JdbcDatabase database, boolean ownsDatabase) {
    this.database = database;
    this.ownsDatabase = ownsDatabase;
  }

  /** Over a database that others share too; closing this store leaves the database open. */
  public JdbcGoalStore(JdbcDatabase database) {
    this(database, false);
  }

  @Override
  public Version save(Goal goal, String editedBy, Instant edited) {
    String what = "goal " + goal.project() + "/" + goal.name();
    return database.inTransaction(
        what,
        () -> {
          int number =
              database
                      .selectOne(
                          "the versions of " + what,
                          "SELECT COALESCE(MAX(version), 0) FROM goal_versions"
                              + " WHERE project = ? AND name = ?",
                          rs -> rs.getInt(1),
                          goal.project(),
                          goal.name())
                      .orElse(0)
                  + 1;
          database.update(
              what,
              "INSERT INTO goal_versions (project, name, version, kpi, baseline_from,"
                  + " baseline_to, target, horizon_start, horizon_end, owner, cadence, edited_by,"
                  + " edited) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
              goal.project(),
              goal.name(),
              number,
              goal.kpi().key(),
              goal.baselineFrom().toString(),
              goal.baselineTo().toString(),
              goal.target(),
              goal.horizonStart().toString(),
              goal.horizonEnd().toString(),
              goal.owner(),
              goal.cadence().key(),
              editedBy,
              edited.toEpochMilli());
          database.update(
              what,
              "INSERT INTO goals (project, name, version) VALUES (?,?,?)"
                  + " ON CONFLICT (project, name) DO UPDATE SET version = excluded.version",
              goal.project(),
              goal.name(),
              number);
          return new Version(goal, number, editedBy, edited);
        });
  }

  @Override
  public List<Version> goals(String project) {
    return database.select(
        "the goals of " + project,
        "SELECT "
            + COLUMNS
            + " FROM goals g JOIN goal_versions v ON v.project = g.project AND v.name = g.name"
            + " AND v.version = g.version WHERE g.project = ? ORDER BY g.name",
        JdbcGoalStore::version,
        project);
  }

  @Override
  public List<Version> history(String project, String name) {
    return database.select(
        "the history of goal " + project + "/" + name,
        "SELECT "
            + COLUMNS
            + " FROM goal_versions v WHERE v.project = ? AND v.name = ? ORDER BY v.version",
        JdbcGoalStore::version,
        project,
        name);
  }

  @Override
  public boolean delete(String project, String name) {
    return database.update(
            "goal " + project + "/" + name,
            "DELETE FROM goals WHERE project = ? AND name = ?",
            project,
            name)
        > 0;
  }

  private static Version version(ResultSet rs) throws SQLException {
    Goal goal =
        new Goal(
            rs.getString(1),
            rs.getString(2),
            Kpi.of(rs.getString(4)),
            LocalDate.parse(rs.getString(5)),
            LocalDate.parse(rs.getString(6)),
            rs.getDouble(7),
            LocalDate.parse(rs.getString(8)),
            LocalDate.parse(rs.getString(9)),
            rs.getString(10),
            Cadence.of(rs.getString(11)));
    return new Version(goal, rs.getInt(3), rs.getString(12), Instant.ofEpochMilli(rs.getLong(13)));
  }

  @Override
  public void close() {
    if (ownsDatabase) {
      database.close();
    }
  }
}
