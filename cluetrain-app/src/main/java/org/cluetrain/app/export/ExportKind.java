package org.cluetrain.app.export;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** What an export holds, and its columns in order (the same in every format). */
public enum ExportKind {
  /** The posts the Mentions page lists for a filter, newest first. */
  MENTIONS(
      List.of(
          "id",
          "published",
          "project",
          "source",
          "source_type",
          "kind",
          "thread",
          "parent",
          "author",
          "author_id",
          "lang",
          "sentiment",
          "url",
          "title",
          "text",
          "likes",
          "replies",
          "shares",
          "views",
          "matched_queries")),
  /** The project's conversations, most recently active first. */
  THREADS(List.of("thread", "project", "source", "title", "posts", "first", "last")),
  /** The project's authors, by posts. */
  AUTHORS(List.of("author_id", "name", "posts", "replies_received")),
  /** Hourly figures of each of the project's saved queries: matches and their sentiment. */
  FIGURES(List.of("query", "role", "hour", "posts", "positive", "neutral", "negative")),
  /** Every item of the project's inbox, in every status, oldest first. */
  INBOX(
      List.of(
          "id",
          "post_id",
          "thread",
          "author_id",
          "author",
          "summary",
          "source",
          "url",
          "published",
          "status",
          "priority",
          "assignee",
          "tags",
          "rule",
          "created",
          "updated",
          "responded"));

  private final List<String> columns;

  ExportKind(List<String> columns) {
    this.columns = columns;
  }

  public List<String> columns() {
    return columns;
  }

  /** The name as the API and the command line take it. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The kind of a name; names them all when it is none. */
  public static ExportKind parse(String name) {
    for (ExportKind kind : values()) {
      if (kind.label().equalsIgnoreCase(name.strip())) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown export '"
            + name
            + "': use one of "
            + Arrays.stream(values()).map(ExportKind::label).collect(Collectors.joining(", ")));
  }
}
