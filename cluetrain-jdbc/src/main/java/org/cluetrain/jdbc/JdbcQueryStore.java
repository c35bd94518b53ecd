package org.cluetrain.jdbc;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.cluetrain.query.QueryStore;
import org.cluetrain.query.SavedQuery;

/** The saved queries written in the web interface, in the ledger's database. */
public final class JdbcQueryStore implements QueryStore {
  private final JdbcDatabase database;
  private final boolean ownsDatabase;

  JdbcQueryStore(JdbcDatabase database, boolean ownsDatabase) {
    this.database = database;
    this.ownsDatabase = ownsDatabase;
  }

  /** Over a database that others share too; closing this store leaves the database open. */
  public JdbcQueryStore(JdbcDatabase database) {
    this(database, false);
  }

  @Override
  public List<Edit> all() {
    return database.select(
        "saved queries",
        "SELECT project, name, query_text, role, must_match, must_not_match, edited_by, edited"
            + " FROM edited_queries ORDER BY project, name",
        rs ->
            new Edit(
                new SavedQuery(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    SavedQuery.Role.valueOf(rs.getString(4)),
                    lines(rs.getString(5)),
                    lines(rs.getString(6))),
                rs.getString(7),
                Instant.ofEpochMilli(rs.getLong(8))));
  }

  @Override
  public void save(Edit edit) {
    SavedQuery query = edit.query();
    database.update(
        "query " + query.id(),
        "INSERT INTO edited_queries (project, name, query_text, role, must_match, must_not_match,"
            + " edited_by, edited) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (project, name) DO UPDATE"
            + " SET query_text = excluded.query_text, role = excluded.role,"
            + " must_match = excluded.must_match, must_not_match = excluded.must_not_match,"
            + " edited_by = excluded.edited_by, edited = excluded.edited",
        query.project(),
        query.name(),
        query.text(),
        query.role().name(),
        String.join("\n", query.mustMatch()),
        String.join("\n", query.mustNotMatch()),
        edit.editedBy(),
        edit.edited().toEpochMilli());
  }

  @Override
  public boolean delete(String project, String name) {
    return database.update(
            "query " + project + "/" + name,
            "DELETE FROM edited_queries WHERE project = ? AND name = ?",
            project,
            name)
        > 0;
  }

  private static List<String> lines(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
  }

  @Override
  public void close() {
    if (ownsDatabase) {
      database.close();
    }
  }
}
