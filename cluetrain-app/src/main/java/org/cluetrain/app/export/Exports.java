package org.cluetrain.app.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.cluetrain.app.inbox.Inbox;
import org.cluetrain.app.mentions.MentionFilter;
import org.cluetrain.inbox.InboxItem;
import org.cluetrain.model.Label;
import org.cluetrain.model.Post;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.query.SavedQuery;
import org.cluetrain.store.ActivityRollups;
import org.cluetrain.store.AuthorSummary;
import org.cluetrain.store.HourlyCount;
import org.cluetrain.store.HourlySentiment;
import org.cluetrain.store.PostStore;
import org.cluetrain.store.StoredPost;
import org.cluetrain.store.ThreadSummary;
import org.jspecify.annotations.Nullable;

/**
 * Exports of a project: its mentions (as the Mentions page filters them), threads, authors, hourly
 * figures and inbox items, as CSV, JSON, NDJSON or XLSX.
 *
 * <p>An export is checked first ({@link #prepare}: the kind, the filter, the query's syntax), so
 * that a caller can refuse a bad request before it has written a byte, and then streamed ({@link
 * Prepared#write}): rows are read from the stores a page at a time and written as they come, so an
 * export of any size holds one page in memory.
 */
public final class Exports {
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

  private final PostStore store;
  private final ActivityRollups rollups;
  private final Inbox inbox;
  private final Supplier<List<SavedQuery>> queries;
  private final Clock clock;

  /**
   * @param queries every saved query (of every project), as they are now
   */
  public Exports(
      PostStore store,
      ActivityRollups rollups,
      Inbox inbox,
      Supplier<List<SavedQuery>> queries,
      Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.rollups = Objects.requireNonNull(rollups, "rollups");
    this.inbox = Objects.requireNonNull(inbox, "inbox");
    this.queries = Objects.requireNonNull(queries, "queries");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The HTTP API's address of an export, with the filter's values: what the pages link to and what
   * the command line asks a running server for.
   */
  public static String address(
      String project, ExportKind kind, ExportFormat format, MentionFilter filter) {
    String parameters = filter.parameters();
    return "/api/projects/"
        + java.net.URLEncoder.encode(project, java.nio.charset.StandardCharsets.UTF_8)
        + "/exports/"
        + kind.label()
        + "?format="
        + format.label()
        + (parameters.isEmpty() ? "" : "&" + parameters);
  }

  /** An export that was checked and can be written. */
  public interface Prepared {
    ExportKind kind();

    ExportFormat format();

    /** The file name to offer, e.g. {@code cluetrain-bahn-mentions-20260301-1200.csv}. */
    String fileName();

    /**
     * Writes the export onto {@code out}, row by row; the stream is flushed, not closed.
     *
     * @return how many rows were written (the header not counted)
     * @throws UncheckedIOException when writing fails, e.g. because the reader went away
     */
    long write(OutputStream out);
  }

  /**
   * Checks an export of a project. For threads, figures and inbox items the filter's window (since,
   * until) narrows what is exported; its other values are for mentions alone.
   *
   * @throws IllegalArgumentException naming, in English, what the filter asks that cannot be
   */
  public Prepared prepare(
      String project, ExportKind kind, ExportFormat format, MentionFilter filter) {
    Objects.requireNonNull(project, "project");
    List<SavedQuery> own = queries.get().stream().filter(q -> q.project().equals(project)).toList();
    MentionFilter.Resolved resolved = filter.resolve(project, own, clock.instant());
    if (!resolved.ok()) {
      throw new IllegalArgumentException(resolved.english());
    }
    if (kind == ExportKind.MENTIONS) {
      try {
        store.search(resolved.request(1)); // a query that does not parse fails here, not midway
      } catch (QuerySyntaxException e) {
        throw new IllegalArgumentException("q: the query does not parse; " + e.getMessage(), e);
      }
    }
    String fileName =
        "cluetrain-"
            + project.replaceAll("[^A-Za-z0-9_-]", "_")
            + "-"
            + kind.label()
            + "-"
            + FILE_TIME.format(clock.instant())
            + "."
            + format.extension();
    return new Prepared() {
      @Override
      public ExportKind kind() {
        return kind;
      }

      @Override
      public ExportFormat format() {
        return format;
      }

      @Override
      public String fileName() {
        return fileName;
      }

      @Override
      public long write(OutputStream out) {
        try {
          TableWriter table = TableWriter.open(format, kind.label(), kind.columns(), out);
          long rows = rows(kind, resolved, own, table);
          table.finish();
          return rows;
        } catch (IOException e) {
          throw new UncheckedIOException("the export was cut off: " + e.getMessage(), e);
        }
      }
    };
  }

  private long rows(
      ExportKind kind, MentionFilter.Resolved filter, List<SavedQuery> own, TableWriter table)
      throws IOException {
    Instant since = filter.since();
    Instant until = filter.until();
    try {
      return switch (kind) {
        case MENTIONS -> store.scan(filter.request(1), post -> write(table, mention(post)));
        case THREADS ->
            counted(
                each ->
                    rollups.eachThread(
                        filter.project(),
                        thread -> {
                          if (within(thread.last(), since, until)) {
                            write(table, thread(thread));
                            each.increment();
                          }
                        }));
        case AUTHORS ->
            rollups.eachAuthor(filter.project(), author -> write(table, author(author)));
        case FIGURES -> figures(own, since, until, table);
        case INBOX ->
            counted(
                each ->
                    inbox.eachItem(
                        filter.project(),
                        item -> {
                          if (within(item.created(), since, until)) {
                            write(table, item(item));
                            each.increment();
                          }
                        }));
      };
    } catch (QuerySyntaxException e) {
      throw new IllegalStateException("the query parsed when the export was prepared", e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Counts what a pass over a store wrote, when it hands over more than it writes. */
  private static long counted(java.util.function.Consumer<Counter> pass) {
    Counter counter = new Counter();
    pass.accept(counter);
    return counter.count;
  }

  private static final class Counter {
    long count;

    void increment() {
      count++;
    }
  }

  private static boolean within(Instant at, @Nullable Instant since, @Nullable Instant until) {
    return (since == null || !at.isBefore(since)) && (until == null || at.isBefore(until));
  }

  private static void write(TableWriter table, List<@Nullable Object> row) {
    try {
      table.row(row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long figures(
      List<SavedQuery> own, @Nullable Instant since, @Nullable Instant until, TableWriter table)
      throws IOException {
    long rows = 0;
    for (SavedQuery query : own) {
      // per hour: posts, then positive, neutral, negative
      Map<Instant, long[]> hours = new TreeMap<>();
      for (HourlyCount count : rollups.hourlyCounts(query.id(), since, until)) {
        hours.computeIfAbsent(count.hour(), h -> new long[4])[0] += count.posts();
      }
      for (HourlySentiment count : rollups.hourlySentiment(query.id(), since, until)) {
        int column =
            switch (count.sentiment()) {
              case "positive" -> 1;
              case "neutral" -> 2;
              case "negative" -> 3;
              default -> -1;
            };
        if (column > 0) {
          hours.computeIfAbsent(count.hour(), h -> new long[4])[column] += count.posts();
        }
      }
      for (Map.Entry<Instant, long[]> hour : hours.entrySet()) {
        long[] n = hour.getValue();
        table.row(
            Arrays.asList(
                query.name(),
                query.role().name().toLowerCase(java.util.Locale.ROOT),
                hour.getKey(),
                n[0],
                n[1],
                n[2],
                n[3]));
        rows++;
      }
    }
    return rows;
  }

  private static List<@Nullable Object> mention(StoredPost stored) {
    Post post = stored.post();
    Label sentiment = post.labels().get("sentiment");
    return Arrays.asList(
        post.id(),
        post.published(),
        post.project(),
        post.source().id(),
        post.source().type().label(),
        post.kind().label(),
        post.threadId(),
        post.parentId(),
        post.author() == null ? null : post.author().name(),
        post.author() == null ? null : post.author().id(),
        post.lang(),
        sentiment == null ? null : sentiment.value(),
        post.url(),
        post.title(),
        post.text(),
        post.engagement().likes(),
        post.engagement().replies(),
        post.engagement().shares(),
        post.engagement().views(),
        new ArrayList<>(stored.matchedQueries()));
  }

  private static List<@Nullable Object> thread(ThreadSummary thread) {
    return Arrays.asList(
        thread.threadId(),
        thread.project(),
        thread.sourceId(),
        thread.title(),
        thread.posts(),
        thread.first(),
        thread.last());
  }

  private static List<@Nullable Object> author(AuthorSummary author) {
    return Arrays.asList(
        author.authorId(), author.name(), author.posts(), author.repliesReceived());
  }

  private static List<@Nullable Object> item(InboxItem item) {
    return Arrays.asList(
        item.id(),
        item.postId(),
        item.threadId(),
        item.authorId(),
        item.authorName(),
        item.summary(),
        item.sourceName(),
        item.postUrl(),
        item.published(),
        item.status().name().toLowerCase(java.util.Locale.ROOT),
        item.priority().name().toLowerCase(java.util.Locale.ROOT),
        item.assignee(),
        item.tags(),
        item.rule(),
        item.created(),
        item.updated(),
        item.responded());
  }
}
