package org.cluetrain.formats.tabular;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Which column (CSV) or field (NDJSON, dotted paths such as {@code user.name} allowed) of a table
 * holds which part of a post. Every field but {@code text} or {@code title} is optional; a {@code
 * null} field is not mapped.
 *
 * @param id the item's own id; ids become {@code <source id>:<value>}, tweet ids {@code x:<value>}
 * @param text the text (HTML is cleaned)
 * @param title a title
 * @param author the author's name
 * @param published when it was written
 * @param url its address
 * @param parent the id of the item it answers (same id space as {@code id})
 * @param thread the id of the thread's opening item
 * @param lang an ISO 639-1 language code
 * @param kind {@code post}, {@code comment}, {@code reply}, {@code pingback} or {@code trackback}
 * @param source the name of the place the item comes from (a site, a channel)
 * @param dateFormat a {@link DateTimeFormatter} pattern for {@code published}, or {@code null} to
 *     recognise the common formats
 */
public record ColumnMapping(
    String id,
    String text,
    String title,
    String author,
    String published,
    String url,
    String parent,
    String thread,
    String lang,
    String kind,
    String source,
    String dateFormat) {

  /** The keys {@link #parse} accepts, in the order of the record. */
  public static final List<String> KEYS =
      List.of(
          "id",
          "text",
          "title",
          "author",
          "published",
          "url",
          "parent",
          "thread",
          "lang",
          "kind",
          "source",
          "date");

  public ColumnMapping {
    id = blankToNull(id);
    text = blankToNull(text);
    title = blankToNull(title);
    author = blankToNull(author);
    published = blankToNull(published);
    url = blankToNull(url);
    parent = blankToNull(parent);
    thread = blankToNull(thread);
    lang = blankToNull(lang);
    kind = blankToNull(kind);
    source = blankToNull(source);
    dateFormat = blankToNull(dateFormat);
    if (text == null && title == null) {
      throw new IllegalArgumentException("a column mapping needs a text or a title column");
    }
    if (dateFormat != null) {
      try {
        var unused = DateTimeFormatter.ofPattern(dateFormat, Locale.ROOT); // only validates it
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "date format '" + dateFormat + "' is not a valid pattern: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Parses {@code key=column} pairs separated by commas, e.g. {@code
   * text=CONTENT,published=PUBLISHED,author=AUTHOR_NAME}; {@code date=} gives the date pattern.
   *
   * @throws IllegalArgumentException naming every problem: unknown keys, keys given twice, pairs
   *     without {@code =} or without a column, a missing text or title
   */
  public static ColumnMapping parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException(
          "empty column mapping; expected key=column pairs such as text=CONTENT,author=AUTHOR_NAME");
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String pair : spec.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int equals = pair.indexOf('=');
      if (equals < 0) {
        problems.add("'" + pair.strip() + "' is not key=column");
        continue;
      }
      String key = pair.substring(0, equals).strip().toLowerCase(Locale.ROOT);
      String column = pair.substring(equals + 1).strip();
      if (key.equals("dateformat") || key.equals("date_format")) {
        key = "date";
      }
      if (!KEYS.contains(key)) {
        problems.add("unknown key '" + key + "' (known: " + String.join(", ", KEYS) + ")");
      } else if (column.isEmpty()) {
        problems.add("key '" + key + "' has no column");
      } else if (values.putIfAbsent(key, column) != null) {
        problems.add("key '" + key + "' is given twice");
      }
    }
    if (!values.containsKey("text") && !values.containsKey("title") && problems.isEmpty()) {
      problems.add("a text or a title column is required");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid column mapping '" + spec + "': " + String.join("; ", problems));
    }
    return new ColumnMapping(
        values.get("id"),
        values.get("text"),
        values.get("title"),
        values.get("author"),
        values.get("published"),
        values.get("url"),
        values.get("parent"),
        values.get("thread"),
        values.get("lang"),
        values.get("kind"),
        values.get("source"),
        values.get("date"));
  }

  /**
   * Guesses a mapping from a table's header names ({@code tweet_id}, {@code text}, {@code
   * tweet_created}, {@code AUTHOR_NAME}, …), case and punctuation ignored.
   *
   * @return the mapping, or {@code null} when no column looks like a text or title
   */
  public static ColumnMapping guess(List<String> headers) {
    Function<List<String>, String> find =
        candidates -> {
          for (String candidate : candidates) {
            for (String header : headers) {
              if (normal(header).equals(candidate)) {
                return header;
              }
            }
          }
          return null;
        };
    String text =
        find.apply(
            List.of(
                "text",
                "content",
                "body",
                "message",
                "fulltext",
                "commenttext",
                "comment",
                "tweet",
                "tweettext",
                "post",
                "selftext",
                "description"));
    String title = find.apply(List.of("title", "subject", "headline"));
    if (text == null && title == null) {
      return null;
    }
    return new ColumnMapping(
        find.apply(
            List.of(
                "id",
                "tweetid",
                "statusid",
                "commentid",
                "postid",
                "messageid",
                "guid",
                "uuid",
                "idstr")),
        text,
        title,
        find.apply(
            List.of(
                "authorname",
                "author",
                "username",
                "screenname",
                "user",
                "name",
                "by",
                "commenter",
                "from")),
        find.apply(
            List.of(
                "published",
                "publishedat",
                "createdat",
                "tweetcreated",
                "created",
                "date",
                "datetime",
                "timestamp",
                "time",
                "postedat",
                "posted",
                "pubdate",
                "createdutc")),
        find.apply(List.of("url", "link", "permalink", "href")),
        find.apply(
            List.of(
                "parent", "parentid", "inreplyto", "inreplytoid", "inreplytostatusid", "replyto")),
        find.apply(List.of("thread", "threadid", "conversationid", "linkid")),
        find.apply(List.of("lang", "language")),
        find.apply(List.of("kind", "posttype")),
        find.apply(List.of("source", "site", "sitename")),
        null);
  }

  /** The columns the mapping names, to check them against a header. */
  public List<String> columns() {
    List<String> columns = new ArrayList<>();
    for (String column :
        new String[] {
          id, text, title, author, published, url, parent, thread, lang, kind, source
        }) {
      if (column != null) {
        columns.add(column);
      }
    }
    return columns;
  }

  private static String normal(String header) {
    return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
