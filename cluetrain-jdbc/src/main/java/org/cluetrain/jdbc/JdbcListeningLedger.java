package org.cluetrain.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cluetrain.enrich.duplicate.DuplicateDetector;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.model.Label;
import org.cluetrain.model.Post;
import org.cluetrain.query.SavedQuery;
import org.cluetrain.store.AuthorSummary;
import org.cluetrain.store.HourlyCount;
import org.cluetrain.store.HourlySentiment;
import org.cluetrain.store.ListeningLedger;
import org.cluetrain.store.ListeningStats;
import org.cluetrain.store.ProjectActivity;
import org.cluetrain.store.StoredPost;
import org.cluetrain.store.ThreadSummary;

/**
 * The ledger in a relational database over JDBC. Embedded it is one SQLite file; the SQL is the
 * dialect SQLite and PostgreSQL share ({@code INSERT … ON CONFLICT}), so a team's PostgreSQL can
 * run the same statements.
 *
 * <p>One connection, used under this object's lock: SQLite serialises writers anyway, and the
 * pipeline writes in batches, so a pool would add nothing but contention.
 */
public final class JdbcListeningLedger implements ListeningLedger {
  /** Separates list items inside one text column (ASCII unit separator: never in user text). */
  private static final String SEPARATOR = "\u001f";

  /** The label task whose value {@code hourly_sentiment} counts. */
  private static final String SENTIMENT = "sentiment";

  /** The newest schema version; {@code schema-v1.sql} … {@code schema-vN.sql} are applied. */
  static final int SCHEMA_VERSION = 2;

  private final Connection connection;
  private final JdbcAlertStore alerts;
  private final SqliteDatabase database;
  private long sequence;

  private JdbcListeningLedger(Connection connection) throws SQLException {
    this.connection = connection;
    this.database = SqliteDatabase.over(connection);
    createSchema();
    this.alerts = new JdbcAlertStore(connection, this);
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM posts")) {
      rs.next();
      sequence = rs.getLong(1);
    }
  }

  /**
   * Opens (creating if needed) the SQLite ledger in this file. Write-ahead logging makes each
   * committed batch survive a crash of the process.
   */
  public static JdbcListeningLedger openSqlite(Path file) {
    try {
      return new JdbcListeningLedger(SqliteDatabase.connect(file));
    } catch (SQLException | IOException e) {
      throw new StoreFailure("cannot open the ledger " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Creates or extends the schema: every version's script in order ({@code schema-v1.sql}, {@code
   * schema-v2.sql}, …), each idempotent, so a ledger of any older version is brought up to date at
   * start.
   */
  private void createSchema() throws SQLException {
    for (int version = 1; version <= SCHEMA_VERSION; version++) {
      String script;
      try (InputStream in = getClass().getResourceAsStream("schema-v" + version + ".sql")) {
        script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try (Statement statement = connection.createStatement()) {
        for (String sql : script.split(";\\s*\\n")) {
          String withoutComments = sql.replaceAll("(?m)^--.*$", "").strip();
          if (!withoutComments.isEmpty()) {
            statement.execute(withoutComments);
          }
        }
      }
    }
  }

  /** The alerts kept in this ledger (same database, same connection, same lock). */
  public org.cluetrain.alert.AlertStore alerts() {
    return alerts;
  }

  @Override
  public synchronized Set<String> knownPostIds(Collection<String> postIds) {
    Set<String> known = new HashSet<>();
    List<String> ids = new ArrayList<>(postIds);
    final int chunk = 500; // SQLite's default limit on bound parameters is 999
    try {
      for (int from = 0; from < ids.size(); from += chunk) {
        List<String> part = ids.subList(from, Math.min(ids.size(), from + chunk));
        String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
        try (PreparedStatement ps =
            connection.prepareStatement("SELECT id FROM posts WHERE id IN (" + marks + ")")) {
          for (int i = 0; i < part.size(); i++) {
            ps.setString(i + 1, part.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              known.add(rs.getString(1));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreFailure("cannot look up posts in the ledger: " + e.getMessage(), e);
    }
    return known;
  }

  @Override
  public synchronized int record(List<StoredPost> posts) {
    if (posts.isEmpty()) {
      return 0;
    }
    try {
      connection.setAutoCommit(false);
      List<StoredPost> added = insertPosts(posts);
      recordMatches(added);
      recordThreads(added);
      recordAuthors(added);
      connection.commit();
      return added.size();
    } catch (SQLException e) {
      rollback();
      throw new StoreFailure("cannot record posts in the ledger: " + e.getMessage(), e);
    } finally {
      autoCommit();
    }
  }

  /** Inserts the posts; returns those that were not recorded before, in order. */
  private List<StoredPost> insertPosts(List<StoredPost> posts) throws SQLException {
    List<StoredPost> added = new ArrayList<>(posts.size());
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO posts (seq, id, project, source_id, thread_id, parent_id, kind, lang,"
                + " author_id, published, fingerprint, duplicate_of)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING")) {
      for (StoredPost stored : posts) {
        Post post = stored.post();
        insert.setLong(1, ++sequence);
        insert.setString(2, post.id());
        insert.setString(3, post.project());
        insert.setString(4, post.source().id());
        insert.setString(5, post.threadId());
        insert.setString(6, post.parentId());
        insert.setString(7, post.kind().label());
        insert.setString(8, post.lang());
        insert.setString(9, post.author() == null ? null : post.author().id());
        insert.setLong(10, post.published().toEpochMilli());
        insert.setLong(11, post.fingerprint());
        insert.setString(12, post.duplicateOf());
        if (insert.executeUpdate() == 1) {
          added.add(stored); // recorded before means counted before: never count it twice
        }
      }
    }
    return added;
  }

  /**
   * Records each match and adds it to the hourly counts and the hourly sentiment counts. Counts are
   * summed per key in memory first, so a batch costs one statement per distinct key rather than one
   * per match. Only posts new to the ledger reach here, so a re-import counts nothing twice.
   */
  private void recordMatches(List<StoredPost> posts) throws SQLException {
    try (PreparedStatement match =
        connection.prepareStatement(
            "INSERT INTO matches (query_id, post_id, hour) VALUES (?,?,?)"
                + " ON CONFLICT (query_id, post_id) DO NOTHING")) {
      for (StoredPost stored : posts) {
        Post post = stored.post();
        long hour = post.published().getEpochSecond() / 3600 * 3600;
        for (String queryId : stored.matchedQueries()) {
          match.setString(1, queryId);
          match.setString(2, post.id());
          match.setLong(3, hour);
          match.addBatch();
        }
      }
      match.executeBatch();
    }
    addToHourlyCounts(posts);
  }

  /** Adds each post's matches to the hourly counts and the hourly sentiment counts. */
  private void addToHourlyCounts(List<StoredPost> posts) throws SQLException {
    Map<List<Object>, Long> counts = new LinkedHashMap<>();
    Map<List<Object>, Long> sentiments = new LinkedHashMap<>();
    for (StoredPost stored : posts) {
      Post post = stored.post();
      long hour = post.published().getEpochSecond() / 3600 * 3600;
      String lang = post.lang() == null ? "und" : post.lang();
      Label sentiment = post.labels().get(SENTIMENT);
      for (String queryId : stored.matchedQueries()) {
        counts.merge(List.of(queryId, hour, lang, post.source().id()), 1L, Long::sum);
        if (sentiment != null) {
          sentiments.merge(List.of(queryId, hour, sentiment.value()), 1L, Long::sum);
        }
      }
    }
    try (PreparedStatement count =
        connection.prepareStatement(
            "INSERT INTO hourly_sentiment (query_id, hour, sentiment, posts) VALUES (?,?,?,?)"
                + " ON CONFLICT (query_id, hour, sentiment)"
                + " DO UPDATE SET posts = hourly_sentiment.posts + excluded.posts")) {
      for (Map.Entry<List<Object>, Long> entry : sentiments.entrySet()) {
        List<Object> key = entry.getKey();
        count.setString(1, (String) key.get(0));
        count.setLong(2, (Long) key.get(1));
        count.setString(3, (String) key.get(2));
        count.setLong(4, entry.getValue());
        count.addBatch();
      }
      count.executeBatch();
    }
    try (PreparedStatement count =
        connection.prepareStatement(
            "INSERT INTO hourly_counts (query_id, hour, lang, source_id, posts)"
                + " VALUES (?,?,?,?,?) ON CONFLICT (query_id, hour, lang, source_id)"
                + " DO UPDATE SET posts = hourly_counts.posts + excluded.posts")) {
      for (Map.Entry<List<Object>, Long> entry : counts.entrySet()) {
        List<Object> key = entry.getKey();
        count.setString(1, (String) key.get(0));
        count.setLong(2, (Long) key.get(1));
        count.setString(3, (String) key.get(2));
        count.setString(4, (String) key.get(3));
        count.setLong(5, entry.getValue());
        count.addBatch();
      }
      count.executeBatch();
    }
  }

  /** Adds the posts to their threads: one statement per thread of the batch. */
  private void recordThreads(List<StoredPost> posts) throws SQLException {
    Map<String, ThreadDelta> threads = new LinkedHashMap<>();
    for (StoredPost stored : posts) {
      Post post = stored.post();
      threads
          .computeIfAbsent(post.threadId(), id -> new ThreadDelta(post))
          .add(post, post.parentId() == null ? headline(post) : null);
    }
    try (PreparedStatement thread =
        connection.prepareStatement(
            "INSERT INTO threads (thread_id, project, source_id, title, posts,"
                + " first_published, last_published) VALUES (?,?,?,?,?,?,?)"
                + " ON CONFLICT (thread_id) DO UPDATE SET posts = threads.posts + excluded.posts,"
                + " title = COALESCE(excluded.title, threads.title),"
                // CASE rather than SQLite's two-argument MIN/MAX: PostgreSQL runs it too
                + " first_published = CASE WHEN excluded.first_published < threads.first_published"
                + " THEN excluded.first_published ELSE threads.first_published END,"
                + " last_published = CASE WHEN excluded.last_published > threads.last_published"
                + " THEN excluded.last_published ELSE threads.last_published END")) {
      for (Map.Entry<String, ThreadDelta> entry : threads.entrySet()) {
        ThreadDelta delta = entry.getValue();
        thread.setString(1, entry.getKey());
        thread.setString(2, delta.project);
        thread.setString(3, delta.sourceId);
        thread.setString(4, delta.title);
        thread.setLong(5, delta.posts);
        thread.setLong(6, delta.first);
        thread.setLong(7, delta.last);
        thread.addBatch();
      }
      thread.executeBatch();
    }
  }

  /** Counts posts per author and project, and replies received per author. */
  private void recordAuthors(List<StoredPost> posts) throws SQLException {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Long> authorPosts = new LinkedHashMap<>();
    Map<List<String>, Long> projectPosts = new LinkedHashMap<>();
    for (StoredPost stored : posts) {
      Post post = stored.post();
      if (post.author() != null) {
        names.put(post.author().id(), post.author().name());
        authorPosts.merge(post.author().id(), 1L, Long::sum);
        if (post.project() != null) {
          projectPosts.merge(List.of(post.author().id(), post.project()), 1L, Long::sum);
        }
      }
    }
    try (PreparedStatement author =
            connection.prepareStatement(
                "INSERT INTO authors (author_id, name, posts, replies_received) VALUES (?,?,?,0)"
                    + " ON CONFLICT (author_id) DO UPDATE SET"
                    + " posts = authors.posts + excluded.posts, name = excluded.name");
        PreparedStatement authorProject =
            connection.prepareStatement(
                "INSERT INTO author_projects (author_id, project, posts) VALUES (?,?,?)"
                    + " ON CONFLICT (author_id, project) DO UPDATE SET"
                    + " posts = author_projects.posts + excluded.posts");
        PreparedStatement reply =
            connection.prepareStatement(
                "UPDATE authors SET replies_received = replies_received + 1 WHERE author_id ="
                    + " (SELECT author_id FROM posts WHERE id = ?)")) {
      for (Map.Entry<String, Long> entry : authorPosts.entrySet()) {
        author.setString(1, entry.getKey());
        author.setString(2, names.get(entry.getKey()));
        author.setLong(3, entry.getValue());
        author.addBatch();
      }
      author.executeBatch();
      for (Map.Entry<List<String>, Long> entry : projectPosts.entrySet()) {
        authorProject.setString(1, entry.getKey().get(0));
        authorProject.setString(2, entry.getKey().get(1));
        authorProject.setLong(3, entry.getValue());
        authorProject.addBatch();
      }
      authorProject.executeBatch();
      for (StoredPost stored : posts) {
        if (stored.post().parentId() != null) {
          reply.setString(1, stored.post().parentId());
          reply.addBatch();
        }
      }
      reply.executeBatch();
    }
  }

  /** What a batch adds to one thread. */
  private static final class ThreadDelta {
    final String project;
    final String sourceId;
    String title;
    long posts;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;

    ThreadDelta(Post post) {
      this.project = post.project();
      this.sourceId = post.source().id();
    }

    void add(Post post, String headline) {
      posts++;
      long published = post.published().toEpochMilli();
      first = Math.min(first, published);
      last = Math.max(last, published);
      if (headline != null) {
        title = headline;
      }
    }
  }

  private static String headline(Post post) {
    String title = post.title() != null && !post.title().isBlank() ? post.title() : post.text();
    title = title.strip().replaceAll("\\s+", " ");
    return title.length() > 140 ? title.substring(0, 139) + "…" : title;
  }

  @Override
  public synchronized List<DuplicateDetector.Entry> recentFingerprints(int limit) {
    List<DuplicateDetector.Entry> entries =
        database.select(
            "fingerprints",
            "SELECT id, fingerprint FROM posts WHERE fingerprint <> 0 AND duplicate_of IS NULL"
                + " ORDER BY seq DESC LIMIT ?",
            rs -> new DuplicateDetector.Entry(rs.getString(1), rs.getLong(2)),
            limit);
    java.util.Collections.reverse(entries);
    return entries;
  }

  @Override
  public synchronized Map<String, Long> postsBySource(String project) {
    // answered from the (project, source_id) index alone, without reading the posts' rows
    return counts(
        "SELECT source_id, COUNT(*) AS n FROM posts WHERE project = ? GROUP BY source_id"
            + " ORDER BY n DESC, source_id",
        new Object[] {project});
  }

  @Override
  public synchronized ListeningStats stats(String project) {
    String where = project == null ? "" : " WHERE project = ?";
    Object[] parameters = project == null ? new Object[0] : new Object[] {project};
    long total =
        database
            .select(
                "statistics", "SELECT COUNT(*) FROM posts" + where, rs -> rs.getLong(1), parameters)
            .get(0);
    long duplicates =
        database
            .select(
                "statistics",
                "SELECT COUNT(*) FROM posts WHERE duplicate_of IS NOT NULL"
                    + (project == null ? "" : " AND project = ?"),
                rs -> rs.getLong(1),
                parameters)
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
  }

  private Map<String, Long> grouped(String column, String where, Object[] parameters) {
    return counts(
        "SELECT "
            + column
            + " AS k, COUNT(*) AS n FROM posts"
            + where
            + " GROUP BY k ORDER BY n DESC, k",
        parameters);
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
  public synchronized List<HourlyCount> hourlyCounts(String queryId, Instant since, Instant until) {
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
  public synchronized List<HourlySentiment> hourlySentiment(
      String queryId, Instant since, Instant until) {
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
  public synchronized ProjectActivity activity(
      String project, Collection<String> queryIds, Instant since, Instant until, int limit) {
    long from = since.toEpochMilli();
    long to = until.toEpochMilli();
    long[] mentions = {0, 0};
    if (!queryIds.isEmpty()) {
      List<Object> parameters = new ArrayList<>(queryIds);
      // matches count by hour: the hours that overlap [since, until)
      parameters.add(since.getEpochSecond() / 3600 * 3600);
      parameters.add(until.getEpochSecond());
      parameters.add(from);
      parameters.add(to);
      String marks = String.join(",", java.util.Collections.nCopies(queryIds.size(), "?"));
      mentions =
          database
              .select(
                  "mention authors",
                  "SELECT COUNT(DISTINCT p.author_id), COUNT(DISTINCT p.source_id) FROM matches m"
                      + " JOIN posts p ON p.id = m.post_id WHERE m.query_id IN ("
                      + marks
                      + ") AND m.hour >= ? AND m.hour < ? AND p.published >= ? AND p.published < ?",
                  rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                  parameters.toArray())
              .get(0);
    }
    List<ProjectActivity.ThreadGrowth> threads =
        database.select(
            "growing threads",
            "SELECT t.thread_id, t.project, t.source_id, t.title, t.posts, t.first_published,"
                + " t.last_published, g.n FROM (SELECT thread_id, COUNT(*) AS n FROM posts"
                + " WHERE project = ? AND published >= ? AND published < ? GROUP BY thread_id) g"
                + " JOIN threads t ON t.thread_id = g.thread_id"
                + " ORDER BY g.n DESC, t.last_published DESC, t.thread_id LIMIT ?",
            rs ->
                new ProjectActivity.ThreadGrowth(
                    new ThreadSummary(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        Instant.ofEpochMilli(rs.getLong(6)),
                        Instant.ofEpochMilli(rs.getLong(7))),
                    rs.getLong(8)),
            project,
            from,
            to,
            limit);
    List<ProjectActivity.AuthorCount> active =
        database.select(
            "active authors",
            "SELECT g.author_id, a.name, g.n FROM (SELECT author_id, COUNT(*) AS n FROM posts"
                + " WHERE project = ? AND published >= ? AND published < ?"
                + " AND author_id IS NOT NULL GROUP BY author_id) g"
                + " LEFT JOIN authors a ON a.author_id = g.author_id"
                + " ORDER BY g.n DESC, g.author_id LIMIT ?",
            rs -> new ProjectActivity.AuthorCount(rs.getString(1), rs.getString(2), rs.getLong(3)),
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
            rs -> new ProjectActivity.AuthorCount(rs.getString(1), rs.getString(2), rs.getLong(3)),
            project,
            from,
            to,
            limit);
    return new ProjectActivity(mentions[0], mentions[1], threads, active, answered);
  }

  @Override
  public synchronized List<ThreadSummary> threads(String project, int limit) {
    return database.select(
        "threads",
        "SELECT thread_id, project, source_id, title, posts, first_published, last_published"
            + " FROM threads"
            + (project == null ? "" : " WHERE project = ?")
            + " ORDER BY last_published DESC, thread_id LIMIT ?",
        rs ->
            new ThreadSummary(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                Instant.ofEpochMilli(rs.getLong(6)),
                Instant.ofEpochMilli(rs.getLong(7))),
        project == null ? new Object[] {limit} : new Object[] {project, limit});
  }

  @Override
  public synchronized List<AuthorSummary> authors(String project, int limit) {
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

  @Override
  public synchronized void saveHealth(SourceHealth health) {
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
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreFailure("cannot save the health of " + health.sourceId() + ": " + e, e);
    }
  }

  @Override
  public synchronized void saveValidators(String sourceId, String etag, String lastModified) {
    database.update(
        "the validators of " + sourceId,
        "UPDATE source_health SET etag = ?, last_modified = ? WHERE source_id = ?",
        etag,
        lastModified,
        sourceId);
  }

  @Override
  public synchronized java.util.Optional<String[]> validators(String sourceId) {
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
  public synchronized List<SourceHealth> health() {
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
  public synchronized int recordMatches(String queryId, List<StoredPost> posts) {
    if (posts.isEmpty()) {
      return 0;
    }
    try {
      connection.setAutoCommit(false);
      List<StoredPost> added = new ArrayList<>();
      try (PreparedStatement match =
          connection.prepareStatement(
              "INSERT INTO matches (query_id, post_id, hour)"
                  + " SELECT ?, id, ? FROM posts WHERE id = ?"
                  + " ON CONFLICT (query_id, post_id) DO NOTHING")) {
        for (StoredPost stored : posts) {
          match.setString(1, queryId);
          match.setLong(2, stored.post().published().getEpochSecond() / 3600 * 3600);
          match.setString(3, stored.post().id());
          if (match.executeUpdate() == 1) {
            added.add(stored);
          }
        }
      }
      addLaterMatchesToHourlyCounts(queryId, added);
      connection.commit();
      return added.size();
    } catch (SQLException e) {
      rollback();
      throw new StoreFailure("cannot record matches of " + queryId + ": " + e.getMessage(), e);
    } finally {
      autoCommit();
    }
  }

  @Override
  public synchronized void forgetMatches(String queryId) {
    try {
      connection.setAutoCommit(false);
      try (PreparedStatement matches =
              connection.prepareStatement("DELETE FROM matches WHERE query_id = ?");
          PreparedStatement counts =
              connection.prepareStatement("DELETE FROM hourly_counts WHERE query_id = ?");
          PreparedStatement sentiments =
              connection.prepareStatement("DELETE FROM hourly_sentiment WHERE query_id = ?")) {
        matches.setString(1, queryId);
        matches.executeUpdate();
        counts.setString(1, queryId);
        counts.executeUpdate();
        sentiments.setString(1, queryId);
        sentiments.executeUpdate();
      }
      connection.commit();
    } catch (SQLException e) {
      rollback();
      throw new StoreFailure("cannot forget the matches of " + queryId + ": " + e.getMessage(), e);
    } finally {
      autoCommit();
    }
  }

  /** Adds matches recorded after the posts came in to the hourly and sentiment counts. */
  private void addLaterMatchesToHourlyCounts(String queryId, List<StoredPost> posts)
      throws SQLException {
    addToHourlyCounts(
        posts.stream().map(stored -> new StoredPost(stored.post(), List.of(queryId))).toList());
  }

  @Override
  public synchronized void saveQueries(
      Collection<String> projects, Collection<SavedQuery> queries) {
    try {
      connection.setAutoCommit(false);
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
      connection.commit();
    } catch (SQLException e) {
      rollback();
      throw new StoreFailure("cannot save queries: " + e.getMessage(), e);
    } finally {
      autoCommit();
    }
  }

  @Override
  public synchronized List<SavedQuery> queries() {
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

  @Override
  public synchronized void saveRelevanceLabel(
      String project, String postId, boolean relevant, Instant at) {
    database.update(
        "the relevance label of " + postId,
        "INSERT INTO relevance_labels (project, post_id, relevant, labelled_at)"
            + " VALUES (?,?,?,?) ON CONFLICT (project, post_id) DO UPDATE SET"
            + " relevant = excluded.relevant, labelled_at = excluded.labelled_at",
        project,
        postId,
        relevant ? 1 : 0,
        at.toEpochMilli());
  }

  @Override
  public synchronized Map<String, Boolean> relevanceLabels(String project) {
    Map<String, Boolean> labels = new LinkedHashMap<>();
    for (Map.Entry<String, Boolean> label :
        database.select(
            "relevance labels",
            "SELECT post_id, relevant FROM relevance_labels WHERE project = ?"
                + " ORDER BY labelled_at, post_id",
            rs -> Map.entry(rs.getString(1), rs.getInt(2) == 1),
            project)) {
      labels.put(label.getKey(), label.getValue());
    }
    return labels;
  }

  @Override
  public synchronized int subscribe(String project, Collection<ReadItem.FeedSubscription> feeds) {
    int added = 0;
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO subscriptions (project, feed_url, title, site_url, category)"
                + " VALUES (?,?,?,?,?) ON CONFLICT (project, feed_url) DO NOTHING")) {
      for (ReadItem.FeedSubscription feed : feeds) {
        ps.setString(1, project);
        ps.setString(2, feed.feedUrl());
        ps.setString(3, feed.title());
        ps.setString(4, feed.siteUrl());
        ps.setString(5, feed.category());
        added += ps.executeUpdate();
      }
    } catch (SQLException e) {
      throw new StoreFailure("cannot save feed subscriptions: " + e.getMessage(), e);
    }
    return added;
  }

  @Override
  public synchronized List<Subscription> subscriptions() {
    return database.select(
        "feed subscriptions",
        "SELECT project, feed_url, title, site_url, category FROM subscriptions"
            + " ORDER BY project, feed_url",
        rs ->
            new Subscription(
                rs.getString(1),
                new ReadItem.FeedSubscription(
                    rs.getString(3), rs.getString(2), rs.getString(4), rs.getString(5))));
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR));
  }

  private static void setInstant(PreparedStatement ps, int index, Instant instant)
      throws SQLException {
    if (instant == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, instant.toEpochMilli());
    }
  }

  private static Instant instant(ResultSet rs, int index) throws SQLException {
    long millis = rs.getLong(index);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  private void rollback() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the original failure is the one worth reporting
    }
  }

  private void autoCommit() {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException ignored) {
      // the connection is broken; the next call reports it
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreFailure("cannot close the ledger: " + e.getMessage(), e);
    }
  }
}
