package org.cluetrain.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cluetrain.inbox.InboxEvent;
import org.cluetrain.inbox.InboxItem;
import org.cluetrain.inbox.InboxQuery;
import org.cluetrain.inbox.InboxStore;
import org.cluetrain.inbox.Priority;
import org.cluetrain.inbox.ResponseClock;
import org.cluetrain.inbox.SavedReply;
import org.cluetrain.inbox.Status;
import org.cluetrain.privacy.Subject;
import org.jspecify.annotations.Nullable;

/**
 * The inbox in the ledger's database. Ids are numbered by the store inside the writing transaction,
 * as the dialect does it (see {@link SqlDialect#nextId}). The due time of running clocks is a
 * column, so lists sort and filter by it with an index.
 */
public final class JdbcInbox implements InboxStore {
  private static final String ITEM_COLUMNS =
      "id, project, post_id, thread_id, author_id, author_name, summary, source_name, post_url,"
          + " published, status, priority, assignee, tags, rule, created, updated, responded,"
          + " target_seconds, elapsed_seconds, running_since, due";

  /** Not done, unanswered, and past the target: running past its due time or stopped past it. */
  private static final String OVERDUE =
      "status <> 'done' AND responded IS NULL AND ((due IS NOT NULL AND due <= ?)"
          + " OR (due IS NULL AND elapsed_seconds >= target_seconds))";

  private final JdbcDatabase database;
  private final boolean ownsDatabase;

  JdbcInbox(JdbcDatabase database, boolean ownsDatabase) {
    this.database = database;
    this.ownsDatabase = ownsDatabase;
  }

  /** Over a database that others share too; closing this store leaves the database open. */
  public JdbcInbox(JdbcDatabase database) {
    this(database, false);
  }

  @Override
  public Optional<InboxItem> createIfAbsent(InboxItem item, InboxEvent created) {
    return database.inTransaction(
        "inbox item for " + item.postId(),
        () -> {
          if (item(item.project(), item.postId()).isPresent()) {
            return Optional.empty();
          }
          long id = nextId("inbox_items");
          InboxItem stored = item.withId(id);
          ResponseClock clock = stored.clock();
          int rows =
              database.update(
                  "inbox item for " + item.postId(),
                  "INSERT INTO inbox_items ("
                      + ITEM_COLUMNS
                      + ")"
                      + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                      + " ON CONFLICT (project, post_id) DO NOTHING",
                  id,
                  stored.project(),
                  stored.postId(),
                  stored.threadId(),
                  stored.authorId(),
                  stored.authorName(),
                  stored.summary(),
                  stored.sourceName(),
                  stored.postUrl(),
                  millis(stored.published()),
                  stored.status().label(),
                  stored.priority().ordinal(),
                  stored.assignee(),
                  String.join(",", stored.tags()),
                  stored.rule(),
                  stored.created().toEpochMilli(),
                  stored.updated().toEpochMilli(),
                  millis(stored.responded()),
                  clock.target().toSeconds(),
                  clock.elapsed().toSeconds(),
                  millis(clock.runningSince()),
                  millis(clock.due()));
          if (rows == 0) {
            return Optional.empty(); // another writer created it in the meantime
          }
          saveTags(stored);
          append(
              new InboxEvent(
                  id,
                  created.at(),
                  created.actor(),
                  created.kind(),
                  created.detail(),
                  created.url()));
          return Optional.of(stored);
        });
  }

  @Override
  public Optional<InboxItem> item(long id) {
    return database.selectOne(
        "inbox item " + id,
        "SELECT " + ITEM_COLUMNS + " FROM inbox_items WHERE id = ?",
        JdbcInbox::item,
        id);
  }

  @Override
  public Optional<InboxItem> item(String project, String postId) {
    return database.selectOne(
        "inbox item for " + postId,
        "SELECT " + ITEM_COLUMNS + " FROM inbox_items WHERE project = ? AND post_id = ?",
        JdbcInbox::item,
        project,
        postId);
  }

  @Override
  public List<InboxItem> items(InboxQuery query) {
    StringBuilder sql =
        new StringBuilder("SELECT " + ITEM_COLUMNS + " FROM inbox_items WHERE project = ?");
    List<Object> parameters = new ArrayList<>();
    parameters.add(query.project());
    if (!query.statuses().isEmpty()) {
      sql.append(" AND status IN (")
          .append(String.join(",", query.statuses().stream().map(s -> "?").toList()))
          .append(')');
      query.statuses().stream().sorted().forEach(s -> parameters.add(s.label()));
    }
    if (query.assignee() != null) {
      sql.append(" AND assignee = ?");
      parameters.add(query.assignee());
    }
    if (query.unassigned()) {
      sql.append(" AND assignee IS NULL");
    }
    if (query.priority() != null) {
      sql.append(" AND priority = ?");
      parameters.add(query.priority().ordinal());
    }
    if (query.tag() != null) {
      sql.append(" AND id IN (SELECT item_id FROM inbox_tags WHERE project = ? AND tag = ?)");
      parameters.add(query.project());
      parameters.add(query.tag());
    }
    if (query.overdueOnly()) {
      sql.append(" AND ").append(OVERDUE);
      parameters.add(query.now().toEpochMilli());
    }
    // running clocks by due time, then standing ones (pending, answered, done), most urgent first
    sql.append(
        " ORDER BY CASE WHEN due IS NULL THEN 1 ELSE 0 END, due, priority DESC, created, id"
            + " LIMIT ?");
    parameters.add(query.limit());
    return database.select("inbox items", sql.toString(), JdbcInbox::item, parameters.toArray());
  }

  @Override
  public Map<Status, Integer> counts(String project) {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    Arrays.stream(Status.values()).forEach(s -> counts.put(s, 0));
    database
        .select(
            "inbox counts",
            "SELECT status, COUNT(*) FROM inbox_items WHERE project = ? GROUP BY status",
            rs -> Map.entry(Status.parse(rs.getString(1)), rs.getInt(2)),
            project)
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  @Override
  public int overdue(String project, Instant now) {
    return database
        .selectOne(
            "overdue items",
            "SELECT COUNT(*) FROM inbox_items WHERE project = ? AND " + OVERDUE,
            rs -> rs.getInt(1),
            project,
            now.toEpochMilli())
        .orElse(0);
  }

  @Override
  public List<InboxItem> byAuthor(String project, String authorId, int limit) {
    return database.select(
        "inbox items of " + authorId,
        "SELECT "
            + ITEM_COLUMNS
            + " FROM inbox_items WHERE project = ? AND author_id = ?"
            + " ORDER BY created DESC, id DESC LIMIT ?",
        JdbcInbox::item,
        project,
        authorId,
        limit);
  }

  @Override
  public List<String> tags(String project) {
    return database.select(
        "inbox tags",
        "SELECT DISTINCT tag FROM inbox_tags WHERE project = ? ORDER BY tag",
        rs -> rs.getString(1),
        project);
  }

  @Override
  public void update(InboxItem item, InboxEvent event) {
    database.inTransaction(
        "inbox item " + item.id(),
        () -> {
          ResponseClock clock = item.clock();
          int rows =
              database.update(
                  "inbox item " + item.id(),
                  "UPDATE inbox_items SET status = ?, priority = ?, assignee = ?, tags = ?,"
                      + " updated = ?, responded = ?, target_seconds = ?, elapsed_seconds = ?,"
                      + " running_since = ?, due = ? WHERE id = ?",
                  item.status().label(),
                  item.priority().ordinal(),
                  item.assignee(),
                  String.join(",", item.tags()),
                  item.updated().toEpochMilli(),
                  millis(item.responded()),
                  clock.target().toSeconds(),
                  clock.elapsed().toSeconds(),
                  millis(clock.runningSince()),
                  millis(clock.due()),
                  item.id());
          if (rows == 0) {
            throw new IllegalArgumentException("there is no inbox item " + item.id());
          }
          database.update(
              "tags of item " + item.id(), "DELETE FROM inbox_tags WHERE item_id = ?", item.id());
          saveTags(item);
          append(event);
          return rows;
        });
  }

  @Override
  public List<InboxEvent> events(long itemId) {
    return database.select(
        "log of item " + itemId,
        "SELECT item_id, at, actor, kind, detail, url FROM inbox_events WHERE item_id = ?"
            + " ORDER BY id",
        rs ->
            new InboxEvent(
                rs.getLong(1),
                Instant.ofEpochMilli(rs.getLong(2)),
                rs.getString(3),
                InboxEvent.Kind.parse(rs.getString(4)),
                rs.getString(5),
                rs.getString(6)),
        itemId);
  }

  @Override
  public SavedReply saveReply(SavedReply reply) {
    return database.inTransaction(
        "saved reply " + reply.name(),
        () -> {
          boolean taken =
              database
                  .selectOne(
                      "saved reply " + reply.name(),
                      "SELECT id FROM inbox_replies WHERE project = ? AND name = ?",
                      rs -> rs.getLong(1),
                      reply.project(),
                      reply.name())
                  .isPresent();
          if (taken) {
            throw new IllegalArgumentException(
                "there is a saved reply named '" + reply.name() + "' already");
          }
          long id = nextId("inbox_replies");
          database.update(
              "saved reply " + reply.name(),
              "INSERT INTO inbox_replies (id, project, name, text, created_by, created)"
                  + " VALUES (?,?,?,?,?,?)",
              id,
              reply.project(),
              reply.name(),
              reply.text(),
              reply.createdBy(),
              reply.created().toEpochMilli());
          return new SavedReply(
              id, reply.project(), reply.name(), reply.text(), reply.createdBy(), reply.created());
        });
  }

  @Override
  public List<SavedReply> replies(String project) {
    return database.select(
        "saved replies",
        "SELECT id, project, name, text, created_by, created FROM inbox_replies WHERE project = ?"
            + " ORDER BY name",
        rs ->
            new SavedReply(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                Instant.ofEpochMilli(rs.getLong(6))),
        project);
  }

  @Override
  public boolean deleteReply(String project, long id) {
    return database.update(
            "saved reply " + id,
            "DELETE FROM inbox_replies WHERE project = ? AND id = ?",
            project,
            id)
        > 0;
  }

  @Override
  public List<InboxItem> itemsOfPosts(Collection<String> postIds) {
    List<InboxItem> found = new ArrayList<>();
    for (String postId : postIds) {
      found.addAll(
          database.select(
              "inbox items for " + postId,
              "SELECT " + ITEM_COLUMNS + " FROM inbox_items WHERE post_id = ? ORDER BY id",
              JdbcInbox::item,
              postId));
    }
    return found;
  }

  @Override
  public int forgetItemsOfPosts(Collection<String> postIds) {
    return database.inTransaction(
        "forgetting inbox items",
        () -> {
          int forgotten = 0;
          for (InboxItem item : itemsOfPosts(postIds)) {
            database.update(
                "tags of item " + item.id(), "DELETE FROM inbox_tags WHERE item_id = ?", item.id());
            database.update(
                "log of item " + item.id(),
                "DELETE FROM inbox_events WHERE item_id = ?",
                item.id());
            forgotten +=
                database.update(
                    "item " + item.id(), "DELETE FROM inbox_items WHERE id = ?", item.id());
          }
          return forgotten;
        });
  }

  @Override
  public List<String> postsOfItemsClosedBefore(String project, Instant before) {
    return database.select(
        "closed inbox items",
        "SELECT post_id FROM inbox_items WHERE project = ? AND status = ? AND updated < ?"
            + " ORDER BY updated, id",
        rs -> rs.getString(1),
        project,
        Status.DONE.label(),
        before.toEpochMilli());
  }

  // the texts below are read whole and searched here, not with LIKE: SQLite folds the case of
  // ASCII letters only, and a name such as "Jürgen" must be found in any case

  @Override
  public List<InboxEvent> eventsMentioning(List<String> identifiers) {
    if (identifiers.isEmpty()) {
      return List.of();
    }
    return database
        .select(
            "inbox logs",
            "SELECT item_id, at, actor, kind, detail, url FROM inbox_events ORDER BY id",
            rs ->
                new InboxEvent(
                    rs.getLong(1),
                    Instant.ofEpochMilli(rs.getLong(2)),
                    rs.getString(3),
                    InboxEvent.Kind.parse(rs.getString(4)),
                    rs.getString(5),
                    rs.getString(6)))
        .stream()
        .filter(
            e ->
                Subject.mentions(e.detail(), identifiers) || Subject.mentions(e.url(), identifiers))
        .toList();
  }

  @Override
  public List<SavedReply> repliesMentioning(List<String> identifiers) {
    if (identifiers.isEmpty()) {
      return List.of();
    }
    return database
        .select(
            "saved replies",
            "SELECT id, project, name, text, created_by, created FROM inbox_replies ORDER BY id",
            rs ->
                new SavedReply(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    Instant.ofEpochMilli(rs.getLong(6))))
        .stream()
        .filter(
            r -> Subject.mentions(r.text(), identifiers) || Subject.mentions(r.name(), identifiers))
        .toList();
  }

  @Override
  public int redact(List<String> identifiers, String replacement) {
    if (identifiers.isEmpty()) {
      return 0;
    }
    return database.inTransaction(
        "redacted inbox texts",
        () ->
            redactColumn("inbox_items", "summary", identifiers, replacement)
                + redactColumn("inbox_items", "author_name", identifiers, replacement)
                // an author id may hold the name ("csv:c:Jane Doe"): kept items lose it too
                + redactColumn("inbox_items", "author_id", identifiers, replacement)
                + redactColumn("inbox_items", "post_url", identifiers, replacement)
                + redactColumn("inbox_events", "detail", identifiers, replacement)
                + redactColumn("inbox_events", "url", identifiers, replacement)
                + redactColumn("inbox_replies", "text", identifiers, replacement)
                + redactColumn("inbox_replies", "name", identifiers, replacement));
  }

  /** Redacts one text column of a table keyed by a numeric {@code id}; answers rows changed. */
  private int redactColumn(
      String table, String column, List<String> identifiers, String replacement) {
    int changed = 0;
    for (Map.Entry<Long, String> row :
        database.select(
            table + " texts",
            "SELECT id, " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL",
            rs -> Map.entry(rs.getLong(1), rs.getString(2)))) {
      if (Subject.mentions(row.getValue(), identifiers)) {
        changed +=
            database.update(
                table + " " + row.getKey(),
                "UPDATE " + table + " SET " + column + " = ? WHERE id = ?",
                Subject.redact(row.getValue(), identifiers, replacement),
                row.getKey());
      }
    }
    return changed;
  }

  @Override
  public void close() {
    if (ownsDatabase) {
      database.close();
    }
  }

  private long nextId(String table) {
    return database.nextId(table);
  }

  private void saveTags(InboxItem item) {
    for (String tag : item.tags()) {
      database.update(
          "tag " + tag,
          "INSERT INTO inbox_tags (item_id, project, tag) VALUES (?,?,?)",
          item.id(),
          item.project(),
          tag);
    }
  }

  private void append(InboxEvent event) {
    database.update(
        "log of item " + event.itemId(),
        "INSERT INTO inbox_events (id, item_id, at, actor, kind, detail, url)"
            + " VALUES (?,?,?,?,?,?,?)",
        nextId("inbox_events"),
        event.itemId(),
        event.at().toEpochMilli(),
        event.actor(),
        event.kind().label(),
        event.detail(),
        event.url());
  }

  private static @Nullable Long millis(@Nullable Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(value);
  }

  private static InboxItem item(ResultSet rs) throws SQLException {
    String tags = rs.getString(14);
    return new InboxItem(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        // every item is made from a stored post, which has a publication time
        Objects.requireNonNull(instant(rs, 10), "published"),
        Status.parse(rs.getString(11)),
        Priority.values()[rs.getInt(12)],
        rs.getString(13),
        tags.isEmpty() ? List.of() : List.of(tags.split(",")),
        rs.getString(15),
        Instant.ofEpochMilli(rs.getLong(16)),
        Instant.ofEpochMilli(rs.getLong(17)),
        instant(rs, 18),
        new ResponseClock(
            Duration.ofSeconds(rs.getLong(19)),
            Duration.ofSeconds(rs.getLong(20)),
            instant(rs, 21),
            instant(rs, 22)));
  }
}
