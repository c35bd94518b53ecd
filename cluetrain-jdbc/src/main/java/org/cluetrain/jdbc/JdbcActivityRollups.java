package org.cluetrain.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cluetrain.store.ActivityRollups;
import org.cluetrain.store.AuthorSummary;
import org.cluetrain.store.HourlyCount;
import org.cluetrain.store.HourlySentiment;
import org.cluetrain.store.ListeningStats;
import org.cluetrain.store.ProjectActivity;
import org.cluetrain.store.ThreadSummary;
import org.jspecify.annotations.Nullable;

/**
 * The figures recording keeps up to date, read from the ledger tables: counts, hourly roll-ups,
 * threads and authors.
 */
final class JdbcActivityRollups implements ActivityRollups {
  private final JdbcDatabase database;

  JdbcActivityRollups(JdbcDatabase database) {
    this.database = database;
  }

  @Override
  public Map<String, Long> postsBySource(String project) {
    // answered from the (project, source_id) index alone, without reading the posts' rows; the
    // posts retention removed are counted too
    return counts(
        "SELECT k, SUM(n) AS total FROM ("
            + "SELECT source_id AS k, COUNT(*) AS n FROM posts WHERE project = ? GROUP BY source_id"
            + " UNION ALL SELECT source_id AS k, SUM(posts) AS n FROM retained_counts"
            + " WHERE project = ? GROUP BY source_id) g GROUP BY k ORDER BY total DESC, k",
        new Object[] {project, project});
  }

  @Override
  public ListeningStats stats(@Nullable String project) {
    // several statements in one transaction, so that they read the same recorded batches
    return database.inTransaction(
        "statistics",
        () -> {
          String where = project == null ? "" : " WHERE project = ?";
          Object[] parameters = project == null ? new Object[0] : new Object[] {project};
          // posts retention removed still count: their counts moved to retained_counts
          long total =
              database
                  .select(
                      "statistics",
                      "SELECT (SELECT COUNT(*) FROM posts"
                          + where
                          + "), (SELECT COALESCE(SUM(posts), 0) FROM retained_counts"
                          + where
                          + ")",
                      rs -> rs.getLong(1) + rs.getLong(2),
                      twice(parameters))
                  .get(0);
          long duplicates =
              database
                  .select(
                      "statistics",
                      "SELECT (SELECT COUNT(*) FROM posts WHERE duplicate_of IS NOT NULL"
                          + (project == null ? "" : " AND project = ?")
                          + "), (SELECT COALESCE(SUM(duplicates), 0) FROM retained_counts"
                          + where
                          + ")",
                      rs -> rs.getLong(1) + rs.getLong(2),
                      twice(parameters))
                  .get(0);
          // a project's query ids are "project/name": the range ["p/", "p0") holds exactly those
          Map<String, Long> byQuery =
              counts(
                  "SELECT query_id, SUM(posts) AS n FROM hourly_counts"
                      + (project == null ? "" : " WHERE query_id >= ? AND query_id < ?")
                      + " GROUP BY query_id ORDER BY n DESC, query_id",
                  project == null ? new Object[0] : new Object[] {project + "/", project + "0"});
          return new ListeningStats(
              total,
              grouped("COALESCE(project, '(none)')", where, parameters),
              grouped("source_id", where, parameters),
              grouped("COALESCE(lang, 'und')", where, parameters),
              grouped("kind", where, parameters),
              byQuery,
              duplicates);
        });
  }

  private Map<String, Long> grouped(String column, String where, Object[] parameters) {
    return counts(
        "SELECT k, SUM(n) AS total FROM (SELECT "
            + column
            + " AS k, COUNT(*) AS n FROM posts"
            + where
            + " GROUP BY "
            + column
            + " UNION ALL SELECT "
            + column
            + " AS k, SUM(posts) AS n FROM retained_counts"
            + where
            + " GROUP BY "
            + column
            + ") g GROUP BY k ORDER BY total DESC, k",
        twice(parameters));
  }

  /** The parameters of a statement asking the same of the posts and the retained counts. */
  private static Object[] twice(Object[] parameters) {
    Object[] both = java.util.Arrays.copyOf(parameters, parameters.length * 2);
    System.arraycopy(parameters, 0, both, parameters.length, parameters.length);
    return both;
  }

  /** A two-column (key, count) query as an ordered map. */
  private Map<String, Long> counts(String sql, Object[] parameters) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Map.Entry<String, Long> row :
        database.select(
            "statistics", sql, rs -> Map.entry(rs.getString(1), rs.getLong(2)), parameters)) {
      counts.put(row.getKey(), row.getValue());
    }
    return counts;
  }

  @Override
  public List<HourlyCount> hourlyCounts(
      String queryId, @Nullable Instant since, @Nullable Instant until) {
    return database.select(
        "hourly counts",
        "SELECT hour, lang, source_id, posts FROM hourly_counts WHERE query_id = ?"
            + " AND hour >= ? AND hour < ? ORDER BY hour, lang, source_id",
        rs ->
            new HourlyCount(
                queryId,
                Instant.ofEpochSecond(rs.getLong(1)),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4)),
        queryId,
        since == null ? Long.MIN_VALUE : since.getEpochSecond(),
        until == null ? Long.MAX_VALUE : until.getEpochSecond());
  }

  @Override
  public List<HourlySentiment> hourlySentiment(
      String queryId, @Nullable Instant since, @Nullable Instant until) {
    return database.select(
        "hourly sentiment",
        "SELECT hour, sentiment, posts FROM hourly_sentiment WHERE query_id = ?"
            + " AND hour >= ? AND hour < ? ORDER BY hour, sentiment",
        rs ->
            new HourlySentiment(
                queryId, Instant.ofEpochSecond(rs.getLong(1)), rs.getString(2), rs.getLong(3)),
        queryId,
        since == null ? Long.MIN_VALUE : since.getEpochSecond(),
        until == null ? Long.MAX_VALUE : until.getEpochSecond());
  }

  @Override
  public ProjectActivity activity(
      String project, Collection<String> queryIds, Instant since, Instant until, int limit) {
    // several statements in one transaction, so that they read the same recorded batches
    return database.inTransaction(
        "project activity",
        () -> {
          long from = since.toEpochMilli();
          long to = until.toEpochMilli();
          long[] mentions = {0, 0};
          if (!queryIds.isEmpty()) {
            List<Object> parameters = new ArrayList<>();
            parameters.add(project);
            parameters.add(from);
            parameters.add(to);
            queryIds.forEach(id -> parameters.add(MatchedQueries.likePattern(id)));
            String anyOfTheQueries =
                String.join(
                    " OR ",
                    java.util.Collections.nCopies(
                        queryIds.size(), "queries LIKE ?" + MatchedQueries.LIKE_ESCAPE));
            mentions =
                database
                    .select(
                        "mention authors",
                        "SELECT COUNT(DISTINCT author_id), COUNT(DISTINCT source_id) FROM posts"
                            // posts without a project are matched against every query
                            + " WHERE (project = ? OR project IS NULL)"
                            + " AND published >= ? AND published < ?"
                            + " AND queries IS NOT NULL AND ("
                            + anyOfTheQueries
                            + ")",
                        rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                        parameters.toArray())
                    .get(0);
          }
          List<ProjectActivity.ThreadGrowth> threads =
              database.select(
                  "growing threads",
                  "SELECT t.thread_id, t.project, t.source_id, COALESCE(t.title, ''), t.posts,"
                      + " t.first_published,"
                      + " t.last_published, g.n FROM (SELECT thread_id, COUNT(*) AS n FROM posts"
                      + " WHERE project = ? AND published >= ? AND published < ? AND spam = 0"
                      + " GROUP BY thread_id) g"
                      + " JOIN threads t ON t.thread_id = g.thread_id"
                      + " ORDER BY g.n DESC, t.last_published DESC, t.thread_id LIMIT ?",
                  rs -> new ProjectActivity.ThreadGrowth(threadSummary(rs), rs.getLong(8)),
                  project,
                  from,
                  to,
                  limit);
          List<ProjectActivity.AuthorCount> active =
              database.select(
                  "active authors",
                  "SELECT g.author_id, a.name, g.n FROM (SELECT author_id, COUNT(*) AS n FROM posts"
                      + " WHERE project = ? AND published >= ? AND published < ?"
                      + " AND author_id IS NOT NULL AND spam = 0 GROUP BY author_id) g"
                      + " LEFT JOIN authors a ON a.author_id = g.author_id"
                      + " ORDER BY g.n DESC, g.author_id LIMIT ?",
                  JdbcActivityRollups::authorCount,
                  project,
                  from,
                  to,
                  limit);
          List<ProjectActivity.AuthorCount> answered =
              database.select(
                  "answered authors",
                  "SELECT g.author_id, a.name, g.n FROM (SELECT parent.author_id AS author_id,"
                      + " COUNT(*) AS n FROM posts c JOIN posts parent ON parent.id = c.parent_id"
                      + " WHERE c.project = ? AND c.published >= ? AND c.published < ?"
                      + " AND c.kind IN ('comment', 'reply') AND parent.author_id IS NOT NULL"
                      + " AND (c.author_id IS NULL OR c.author_id <> parent.author_id)"
                      + " GROUP BY parent.author_id) g LEFT JOIN authors a ON a.author_id = g.author_id"
                      + " ORDER BY g.n DESC, g.author_id LIMIT ?",
                  JdbcActivityRollups::authorCount,
                  project,
                  from,
                  to,
                  limit);
          return new ProjectActivity(mentions[0], mentions[1], threads, active, answered);
        });
  }

  @Override
  public List<ThreadSummary> threads(@Nullable String project, int limit) {
    return database.select(
        "threads",
        "SELECT thread_id, project, source_id, COALESCE(title, ''), posts, first_published,"
            + " last_published"
            + " FROM threads"
            + (project == null ? "" : " WHERE project = ?")
            + " ORDER BY last_published DESC, thread_id LIMIT ?",
        JdbcActivityRollups::threadSummary,
        project == null ? new Object[] {limit} : new Object[] {project, limit});
  }

  @Override
  public List<AuthorSummary> authors(@Nullable String project, int limit) {
    String sql =
        project == null
            ? "SELECT author_id, name, posts, replies_received FROM authors"
                + " ORDER BY posts DESC, author_id LIMIT ?"
            : "SELECT a.author_id, a.name, p.posts, a.replies_received FROM author_projects p"
                + " JOIN authors a ON a.author_id = p.author_id WHERE p.project = ?"
                + " ORDER BY p.posts DESC, a.author_id LIMIT ?";
    return database.select(
        "authors",
        sql,
        rs -> new AuthorSummary(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)),
        project == null ? new Object[] {limit} : new Object[] {project, limit});
  }

  /** A thread from columns 1–7: id, project, source, title, posts, first and last published. */
  private static ThreadSummary threadSummary(ResultSet rs) throws SQLException {
    return new ThreadSummary(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getLong(5),
        Instant.ofEpochMilli(rs.getLong(6)),
        Instant.ofEpochMilli(rs.getLong(7)));
  }

  /** An author's count from columns 1–3: id, name, count. */
  private static ProjectActivity.AuthorCount authorCount(ResultSet rs) throws SQLException {
    return new ProjectActivity.AuthorCount(rs.getString(1), rs.getString(2), rs.getLong(3));
  }
}
