package org.cluetrain.jdbc;

import static org.cluetrain.jdbc.Columns.SEPARATOR;
import static org.cluetrain.jdbc.Columns.split;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;
import org.cluetrain.query.SavedQuery;
import org.cluetrain.store.QueryLedger;

/** The queries in effect, in {@code saved_queries}, replaced per project as a whole. */
final class JdbcQueryLedger implements QueryLedger {
  private final JdbcDatabase database;

  JdbcQueryLedger(JdbcDatabase database) {
    this.database = database;
  }

  @Override
  public void saveQueries(Collection<String> projects, Collection<SavedQuery> queries) {
    database.inTransactionWith(
        "queries",
        connection -> {
          try (PreparedStatement delete =
                  connection.prepareStatement("DELETE FROM saved_queries WHERE project = ?");
              PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO saved_queries (project, name, query_text, role, must_match,"
                          + " must_not_match) VALUES (?,?,?,?,?,?)")) {
            for (String project : projects) {
              delete.setString(1, project);
              delete.executeUpdate();
            }
            for (SavedQuery query : queries) {
              insert.setString(1, query.project());
              insert.setString(2, query.name());
              insert.setString(3, query.text());
              insert.setString(4, query.role().name());
              insert.setString(5, String.join(SEPARATOR, query.mustMatch()));
              insert.setString(6, String.join(SEPARATOR, query.mustNotMatch()));
              insert.executeUpdate();
            }
          }
          return queries.size();
        });
  }

  @Override
  public List<SavedQuery> queries() {
    return database.select(
        "queries",
        "SELECT project, name, query_text, role, must_match, must_not_match"
            + " FROM saved_queries ORDER BY project, name",
        rs ->
            new SavedQuery(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                SavedQuery.Role.valueOf(rs.getString(4)),
                split(rs.getString(5)),
                split(rs.getString(6))));
  }
}
