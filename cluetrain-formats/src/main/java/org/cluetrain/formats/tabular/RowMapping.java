package org.cluetrain.formats.tabular;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.cluetrain.formats.common.Dates;
import org.cluetrain.formats.common.HtmlText;
import org.cluetrain.formats.common.PostIds;
import org.cluetrain.model.Author;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;

/**
 * Turns one row into a post by a {@link ColumnMapping}. Ids: {@code x:<id>} when the id column is a
 * tweet id, else {@code <source id>:<id>}, else {@code url:} + the url column, else a content hash.
 * A row without a date is dated at the epoch, so that re-imports agree.
 */
final class RowMapping {
  /** Formats of spreadsheets and exports that the ISO-first parser does not know. */
  private static final List<DateTimeFormatter> EXTRA_DATES =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE_TIME,
          DateTimeFormatter.ISO_OFFSET_DATE_TIME,
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT),
          DateTimeFormatter.ofPattern("M/d/yyyy H:mm[:ss]", Locale.ROOT),
          DateTimeFormatter.ofPattern("M/d/yy H:mm[:ss]", Locale.ROOT),
          DateTimeFormatter.ofPattern("d.M.yyyy H:mm[:ss]", Locale.ROOT),
          DateTimeFormatter.ofPattern("M/d/yyyy", Locale.ROOT),
          DateTimeFormatter.ofPattern("d.M.yyyy", Locale.ROOT));

  private final ColumnMapping mapping;
  private final String fileName;
  private final DateTimeFormatter dateFormat;
  private final String idPlatform;
  private DateTimeFormatter lastFormat;

  RowMapping(ColumnMapping mapping, String fileName) {
    this.mapping = mapping;
    this.fileName = fileName;
    this.dateFormat =
        mapping.dateFormat() == null
            ? null
            : DateTimeFormatter.ofPattern(mapping.dateFormat(), Locale.ROOT);
    String idColumn = mapping.id() == null ? "" : mapping.id().toLowerCase(Locale.ROOT);
    this.idPlatform = idColumn.contains("tweet") || idColumn.contains("status") ? "x" : null;
  }

  ColumnMapping mapping() {
    return mapping;
  }

  /**
   * The row as a post.
   *
   * @param value the row's value of a column, or {@code null}
   * @param format {@code csv} or {@code ndjson}, for the source id
   */
  Post post(UnaryOperator<String> value, String format) {
    String sourceName = get(value, mapping.source());
    String sourceId = format + ":" + fileName + (sourceName == null ? "" : ":" + sourceName);
    SourceRef source = new SourceRef(sourceId, SourceType.FILE, sourceName, null);
    String raw = get(value, mapping.text());
    String html = raw != null && HtmlText.looksLikeHtml(raw) && raw.contains("<") ? raw : null;
    String text = raw == null ? "" : html != null ? HtmlText.text(html) : HtmlText.normalise(raw);
    String title = get(value, mapping.title());
    if (title != null) {
      title = HtmlText.normalise(title);
      // some exports (YouTube's) fill the title with the text's truncated start
      String stem = title.replaceAll("(\\.\\.\\.|…)$", "").strip();
      if (!text.isEmpty() && text.replace("\ufeff", "").startsWith(stem.replace("\ufeff", ""))) {
        title = null;
      }
    }
    Instant published = date(get(value, mapping.published()));
    String url = PostIds.absoluteUrl(get(value, mapping.url()));
    String nativeId = get(value, mapping.id());
    String id =
        nativeId != null
            ? idOf(sourceId, nativeId)
            : url != null ? "url:" + url : PostIds.fromContent(sourceId, title, published, text);
    String parent = get(value, mapping.parent());
    String thread = get(value, mapping.thread());
    String kindValue = get(value, mapping.kind());
    PostKind kind =
        kindValue != null
            ? PostKind.fromLabel(kindValue)
            : parent != null ? PostKind.COMMENT : PostKind.POST;
    String authorName = get(value, mapping.author());
    Author author = null;
    if (authorName != null) {
      String host = PostIds.host(url);
      author =
          new Author(
              host != null ? authorName + "@" + host : sourceId + ":" + authorName,
              authorName,
              null,
              null);
    }
    String lang = get(value, mapping.lang());
    return Post.builder()
        .id(id)
        .source(source)
        .threadId(
            thread == null
                ? (parent == null ? null : idOf(sourceId, parent))
                : idOf(sourceId, thread))
        .parentId(parent == null ? null : idOf(sourceId, parent))
        .kind(kind)
        .author(author)
        .url(url)
        .title(title)
        .text(text)
        .html(html)
        .published(published)
        .links(html != null ? HtmlText.links(html, url) : null)
        .lang(
            lang != null && lang.strip().matches("[A-Za-z]{2}")
                ? lang.strip().toLowerCase(Locale.ROOT)
                : null)
        .build();
  }

  private String idOf(String sourceId, String nativeId) {
    if (nativeId.startsWith("http://") || nativeId.startsWith("https://")) {
      String url = PostIds.absoluteUrl(nativeId);
      if (url != null) {
        return "url:" + url;
      }
    }
    return idPlatform != null ? idPlatform + ":" + nativeId : sourceId + ":" + nativeId;
  }

  private Instant date(String value) {
    if (value == null) {
      return Instant.EPOCH;
    }
    if (dateFormat != null) {
      try {
        return Dates.parse(value, dateFormat);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "date '" + value + "' does not match the format '" + mapping.dateFormat() + "'");
      }
    }
    // a table uses one date format throughout: try the one that worked last time first
    if (lastFormat != null) {
      try {
        return Dates.parse(value, lastFormat);
      } catch (DateTimeParseException changed) {
        lastFormat = null;
      }
    }
    for (DateTimeFormatter format : EXTRA_DATES) {
      try {
        Instant parsed = Dates.parse(value, format);
        lastFormat = format;
        return parsed;
      } catch (DateTimeParseException notThisOne) {
        // try the next
      }
    }
    Instant parsed = Dates.parse(value);
    if (parsed != null) {
      return parsed;
    }
    throw new IllegalArgumentException("cannot read the date '" + value + "'");
  }

  private static String get(UnaryOperator<String> value, String column) {
    if (column == null) {
      return null;
    }
    String result = value.apply(column);
    return result == null || result.isBlank() ? null : result.strip();
  }
}
