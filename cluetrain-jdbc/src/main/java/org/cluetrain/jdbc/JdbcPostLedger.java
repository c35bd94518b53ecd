package org.cluetrain.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.cluetrain.enrich.duplicate.DuplicateDetector;
import org.cluetrain.model.Label;
import org.cluetrain.model.Post;
import org.cluetrain.privacy.Subject;
import org.cluetrain.store.PostLedger;
import org.cluetrain.store.StoredPost;
import org.jspecify.annotations.Nullable;

/**
 * Which posts are known and what they matched, in the ledger tables ({@code posts} with the queries
 * each matched, {@code threads}, {@code authors}, the hourly counts). Recording a batch is one
 * transaction that also keeps the roll-ups {@link JdbcActivityRollups} reads up to date.
 */
final class JdbcPostLedger implements PostLedger {
  /** The label task whose value {@code hourly_sentiment} counts. */
  private static final String SENTIMENT = "sentiment";

  private final JdbcDatabase database;

  /** The last sequence number given out; posts are numbered in the order they were recorded. */
  private final AtomicLong sequence;

  JdbcPostLedger(JdbcDatabase database) {
    this.database = database;
    this.sequence =
        new AtomicLong(
            database
                .select(
                    "the last sequence number",
                    "SELECT COALESCE(MAX(seq), 0) FROM posts",
                    rs -> rs.getLong(1))
                .get(0));
  }

  @Override
  public Set<String> knownPostIds(Collection<String> postIds) {
    return database.withConnection(
        "cannot look up posts in the ledger",
        connection -> {
          Set<String> known = new HashSet<>();
          List<String> ids = new ArrayList<>(postIds);
          final int chunk = 500; // SQLite's default limit on bound parameters is 999
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
          return known;
        });
  }

  @Override
  public int record(List<StoredPost> posts) {
    if (posts.isEmpty()) {
      return 0;
    }
    return database.inTransactionWith(
        "posts in the ledger",
        connection -> {
          List<StoredPost> added = insertPosts(connection, posts);
          // what each post matched went in with its row; only the roll-ups are left to add
          addToHourlyCounts(connection, added);
          recordThreads(connection, added);
          recordAuthors(connection, added);
          return added.size();
        });
  }

  /** Inserts the posts; returns those that were not recorded before, in order. */
  private List<StoredPost> insertPosts(Connection connection, List<StoredPost> posts)
      throws SQLException {
    List<StoredPost> added = new ArrayList<>(posts.size());
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO posts (seq, id, project, source_id, thread_id, parent_id, kind, lang,"
                + " author_id, published, fingerprint, duplicate_of, spam, queries)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING")) {
      for (StoredPost stored : posts) {
        Post post = stored.post();
        insert.setLong(1, sequence.incrementAndGet());
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
        insert.setInt(13, isSpam(post) ? 1 : 0);
        insert.setString(14, MatchedQueries.encode(stored.matchedQueries()));
        if (insert.executeUpdate() == 1) {
          added.add(stored); // recorded before means counted before: never count it twice
        }
      }
    }
    return added;
  }

  /**
   * Adds each post's matches to the hourly counts and the hourly sentiment counts. Counts are
   * summed per key in memory first, so a batch costs one statement per distinct key rather than one
   * per match. Only posts new to the ledger reach here, so a re-import counts nothing twice.
   */
  private void addToHourlyCounts(Connection connection, List<StoredPost> posts)
      throws SQLException {
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
  private void recordThreads(Connection connection, List<StoredPost> posts) throws SQLException {
    Map<String, ThreadDelta> threads = new LinkedHashMap<>();
    for (StoredPost stored : posts) {
      Post post = stored.post();
      threads
          .computeIfAbsent(post.threadId(), id -> new ThreadDelta(post))
          .add(post, headline(post));
    }
    try (PreparedStatement thread =
        connection.prepareStatement(
            "INSERT INTO threads (thread_id, project, source_id, title, posts,"
                + " first_published, last_published) VALUES (?,?,?,?,?,?,?)"
                + " ON CONFLICT (thread_id) DO UPDATE SET posts = threads.posts + excluded.posts,"
                // the opening post's words name the thread; until it is stored, the first
                // words of the earliest reply known do, rather than no name at all
                + " title = CASE WHEN ? THEN excluded.title"
                + " ELSE COALESCE(threads.title, excluded.title) END,"
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
        thread.setBoolean(8, delta.opening);
        thread.addBatch();
      }
      thread.executeBatch();
    }
  }

  /** Counts posts per author and project, and replies received per author. */
  private void recordAuthors(Connection connection, List<StoredPost> posts) throws SQLException {
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
    final @Nullable String project;
    final String sourceId;
    @Nullable String title;
    boolean opening;
    long earliest = Long.MAX_VALUE;
    long posts;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;

    ThreadDelta(Post post) {
      this.project = post.project();
      this.sourceId = post.source().id();
    }

    void add(Post post, @Nullable String headline) {
      posts++;
      long published = post.published().toEpochMilli();
      first = Math.min(first, published);
      last = Math.max(last, published);
      if (opening) {
        return;
      }
      if (post.parentId() == null || post.parentId().equals(post.id())) {
        opening = true;
        title = headline;
      } else if (published < earliest) {
        earliest = published;
        title = headline;
      }
    }
  }

  /** Whether the spam classifier is sure enough the post is spam to act on it. */
  static boolean isSpam(Post post) {
    Label spam = post.labels().get("spam");
    return spam != null && !spam.unsure() && "spam".equals(spam.value());
  }

  private static String headline(Post post) {
    String title = post.title() != null && !post.title().isBlank() ? post.title() : post.text();
    title = title.strip().replaceAll("\\s+", " ");
    return title.length() > 140 ? title.substring(0, 139) + "…" : title;
  }

  @Override
  public List<DuplicateDetector.Entry> recentFingerprints(int limit) {
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
  public int recordMatches(String queryId, List<StoredPost> posts) {
    if (posts.isEmpty()) {
      return 0;
    }
    return database.inTransactionWith(
        "matches of " + queryId,
        connection -> {
          List<StoredPost> added = new ArrayList<>();
          try (PreparedStatement match =
              connection.prepareStatement(
                  "UPDATE posts SET queries = COALESCE(queries, ?) || ? WHERE id = ?"
                      + " AND (queries IS NULL OR queries NOT LIKE ?"
                      + MatchedQueries.LIKE_ESCAPE
                      + ")")) {
            for (StoredPost stored : posts) {
              match.setString(1, MatchedQueries.DELIMITER);
              match.setString(2, queryId + MatchedQueries.DELIMITER);
              match.setString(3, stored.post().id());
              match.setString(4, MatchedQueries.likePattern(queryId));
              if (match.executeUpdate() == 1) {
                added.add(stored);
              }
            }
          }
          addLaterMatchesToHourlyCounts(connection, queryId, added);
          return added.size();
        });
  }

  @Override
  public void forgetMatches(String queryId) {
    database.inTransactionWith(
        "the matches of " + queryId,
        connection -> {
          try (PreparedStatement matches =
                  connection.prepareStatement(
                      "UPDATE posts SET queries = CASE WHEN queries = ? THEN NULL"
                          + " ELSE REPLACE(queries, ?, ?) END WHERE queries LIKE ?"
                          + MatchedQueries.LIKE_ESCAPE);
              PreparedStatement counts =
                  connection.prepareStatement("DELETE FROM hourly_counts WHERE query_id = ?");
              PreparedStatement sentiments =
                  connection.prepareStatement("DELETE FROM hourly_sentiment WHERE query_id = ?")) {
            matches.setString(1, MatchedQueries.entry(queryId));
            matches.setString(2, MatchedQueries.entry(queryId));
            matches.setString(3, MatchedQueries.DELIMITER);
            matches.setString(4, MatchedQueries.likePattern(queryId));
            matches.executeUpdate();
            counts.setString(1, queryId);
            counts.executeUpdate();
            sentiments.setString(1, queryId);
            return sentiments.executeUpdate();
          }
        });
  }

  @Override
  public int forget(List<StoredPost> posts) {
    if (posts.isEmpty()) {
      return 0;
    }
    return database.inTransaction(
        "forgetting posts",
        () -> {
          int forgotten = 0;
          for (StoredPost stored : posts) {
            if (forget(stored.post())) {
              forgotten++;
            }
          }
          return forgotten;
        });
  }

  /** What the ledger recorded of one post. */
  private record Recorded(
      @Nullable String project,
      String sourceId,
      String threadId,
      @Nullable String parentId,
      @Nullable String lang,
      @Nullable String authorId,
      long published,
      List<String> queryIds) {}

  /** Forgets one post and takes it out of every figure; false when the ledger does not know it. */
  private boolean forget(Post post) {
    List<Recorded> rows =
        database.select(
            "post " + post.id(),
            "SELECT project, source_id, thread_id, parent_id, lang, author_id, published, queries"
                + " FROM posts WHERE id = ?",
            rs ->
                new Recorded(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getLong(7),
                    MatchedQueries.decode(rs.getString(8))),
            post.id());
    if (rows.isEmpty()) {
      return false;
    }
    Recorded recorded = rows.get(0);
    String lang = recorded.lang() == null ? "und" : recorded.lang();
    Label sentiment = post.labels().get(SENTIMENT);
    long hour = recorded.published() / 1000 / 3600 * 3600;
    for (String queryId : recorded.queryIds()) {
      database.update(
          "hourly counts",
          "UPDATE hourly_counts SET posts = posts - 1"
              + " WHERE query_id = ? AND hour = ? AND lang = ? AND source_id = ?",
          queryId,
          hour,
          lang,
          recorded.sourceId());
      if (sentiment != null) {
        database.update(
            "hourly sentiment",
            "UPDATE hourly_sentiment SET posts = posts - 1"
                + " WHERE query_id = ? AND hour = ? AND sentiment = ?",
            queryId,
            hour,
            sentiment.value());
      }
    }
    database.update("hourly counts", "DELETE FROM hourly_counts WHERE posts <= 0");
    database.update("hourly sentiment", "DELETE FROM hourly_sentiment WHERE posts <= 0");

    // the thread keeps its other posts; a name taken from this post's words goes with it
    boolean opening = recorded.parentId() == null || recorded.parentId().equals(post.id());
    database.update(
        "thread " + recorded.threadId(),
        "UPDATE threads SET posts = posts - 1,"
            + " title = CASE WHEN ? = 1 OR title = ? THEN NULL ELSE title END WHERE thread_id = ?",
        opening ? 1 : 0,
        headline(post),
        recorded.threadId());
    database.update(
        "thread " + recorded.threadId(),
        "DELETE FROM threads WHERE thread_id = ? AND posts <= 0",
        recorded.threadId());

    if (recorded.authorId() != null) {
      database.update(
          "author",
          "UPDATE authors SET posts = posts - 1 WHERE author_id = ?",
          recorded.authorId());
      database.update(
          "author", "DELETE FROM authors WHERE author_id = ? AND posts <= 0", recorded.authorId());
      if (recorded.project() != null) {
        database.update(
            "author",
            "UPDATE author_projects SET posts = posts - 1 WHERE author_id = ? AND project = ?",
            recorded.authorId(),
            recorded.project());
        database.update(
            "author",
            "DELETE FROM author_projects WHERE author_id = ? AND posts <= 0",
            recorded.authorId());
      }
    }
    if (recorded.parentId() != null) {
      // the answered author counted this post among the replies they received
      database.update(
          "replies received",
          "UPDATE authors SET replies_received = replies_received - 1"
              + " WHERE replies_received > 0 AND author_id ="
              + " (SELECT author_id FROM posts WHERE id = ?)",
          recorded.parentId());
    }
    database.update("post " + post.id(), "DELETE FROM posts WHERE id = ?", post.id());
    return true;
  }

  @Override
  public List<String> publishedBefore(String project, String sourceId, Instant before, int limit) {
    return database.select(
        "expired posts",
        "SELECT id FROM posts WHERE project = ? AND source_id = ? AND published < ?"
            + " ORDER BY published, id LIMIT ?",
        rs -> rs.getString(1),
        project,
        sourceId,
        before.toEpochMilli(),
        limit);
  }

  @Override
  public long countPublishedBefore(String project, String sourceId, Instant before) {
    return database
        .select(
            "expired posts",
            "SELECT COUNT(*) FROM posts WHERE project = ? AND source_id = ? AND published < ?",
            rs -> rs.getLong(1),
            project,
            sourceId,
            before.toEpochMilli())
        .get(0);
  }

  @Override
  public int expire(Collection<String> postIds) {
    if (postIds.isEmpty()) {
      return 0;
    }
    return database.inTransaction(
        "expiring posts",
        () -> {
          int expired = 0;
          for (String id : new java.util.LinkedHashSet<>(postIds)) {
            expired += expireOne(id);
          }
          return expired;
        });
  }

  /** Moves one post's counts to the retained counts and deletes its row; 0 when unknown. */
  private int expireOne(String id) {
    // a post without a project is matched against every project and expires with none of them
    database.update(
        "retained counts",
        "INSERT INTO retained_counts (project, source_id, lang, kind, posts, duplicates)"
            + " SELECT project, source_id, COALESCE(lang, 'und'), kind, 1,"
            + " CASE WHEN duplicate_of IS NULL THEN 0 ELSE 1 END"
            + " FROM posts WHERE id = ? AND project IS NOT NULL"
            + " ON CONFLICT (project, source_id, lang, kind) DO UPDATE SET"
            + " posts = retained_counts.posts + excluded.posts,"
            + " duplicates = retained_counts.duplicates + excluded.duplicates",
        id);
    // the thread's title was taken from the opening post's words, which go
    database.update(
        "thread title",
        "UPDATE threads SET title = NULL WHERE thread_id ="
            + " (SELECT thread_id FROM posts WHERE id = ? AND project IS NOT NULL"
            + " AND (parent_id IS NULL OR parent_id = id))",
        id);
    return database.update(
        "post " + id, "DELETE FROM posts WHERE id = ? AND project IS NOT NULL", id);
  }

  @Override
  public int moveAuthor(String authorId, String toAuthorId, String toName) {
    if (authorId.equals(toAuthorId)) {
      return 0;
    }
    return database.inTransaction(
        "the posts of an author",
        () -> {
          int moved =
              database.update(
                  "posts of an author",
                  "UPDATE posts SET author_id = ? WHERE author_id = ?",
                  toAuthorId,
                  authorId);
          List<long[]> counts =
              database.select(
                  "author",
                  "SELECT posts, replies_received FROM authors WHERE author_id = ?",
                  rs -> new long[] {rs.getLong(1), rs.getLong(2)},
                  authorId);
          if (!counts.isEmpty()) {
            database.update(
                "author",
                "INSERT INTO authors (author_id, name, posts, replies_received) VALUES (?,?,?,?)"
                    + " ON CONFLICT (author_id) DO UPDATE SET name = excluded.name,"
                    + " posts = authors.posts + excluded.posts,"
                    + " replies_received = authors.replies_received + excluded.replies_received",
                toAuthorId,
                toName,
                counts.get(0)[0],
                counts.get(0)[1]);
            database.update("author", "DELETE FROM authors WHERE author_id = ?", authorId);
          }
          for (Map.Entry<String, Long> project :
              database.select(
                  "author",
                  "SELECT project, posts FROM author_projects WHERE author_id = ?",
                  rs -> Map.entry(rs.getString(1), rs.getLong(2)),
                  authorId)) {
            database.update(
                "author",
                "INSERT INTO author_projects (author_id, project, posts) VALUES (?,?,?)"
                    + " ON CONFLICT (author_id, project) DO UPDATE SET"
                    + " posts = author_projects.posts + excluded.posts",
                toAuthorId,
                project.getKey(),
                project.getValue());
          }
          database.update("author", "DELETE FROM author_projects WHERE author_id = ?", authorId);
          return moved;
        });
  }

  @Override
  public int redactThreadTitles(
      Collection<String> threadIds, List<String> identifiers, String replacement) {
    if (identifiers.isEmpty()) {
      return 0;
    }
    return database.inTransaction(
        "thread titles",
        () -> {
          int changed = 0;
          for (String threadId : threadIds) {
            for (String title :
                database.select(
                    "thread " + threadId,
                    "SELECT title FROM threads WHERE thread_id = ? AND title IS NOT NULL",
                    rs -> rs.getString(1),
                    threadId)) {
              if (Subject.mentions(title, identifiers)) {
                changed +=
                    database.update(
                        "thread " + threadId,
                        "UPDATE threads SET title = ? WHERE thread_id = ?",
                        Subject.redact(title, identifiers, replacement),
                        threadId);
              }
            }
          }
          return changed;
        });
  }

  @Override
  public void compact() {
    database.compact(ERASED_FROM);
  }

  /** The tables erasure deletes from or rewrites: what compacting PostgreSQL rewrites. */
  private static final List<String> ERASED_FROM =
      List.of(
          "posts",
          "hourly_counts",
          "hourly_sentiment",
          "threads",
          "authors",
          "author_projects",
          "relevance_labels",
          "alerts",
          "inbox_items",
          "inbox_tags",
          "inbox_events",
          "inbox_replies",
          "pseudonyms",
          "retained_counts");

  /** Adds matches recorded after the posts came in to the hourly and sentiment counts. */
  private void addLaterMatchesToHourlyCounts(
      Connection connection, String queryId, List<StoredPost> posts) throws SQLException {
    addToHourlyCounts(
        connection,
        posts.stream().map(stored -> new StoredPost(stored.post(), List.of(queryId))).toList());
  }
}
