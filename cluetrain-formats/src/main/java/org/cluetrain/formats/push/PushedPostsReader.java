package org.cluetrain.formats.push;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.cluetrain.formats.common.Dates;
import org.cluetrain.formats.common.HtmlText;
import org.cluetrain.formats.common.JsonInput;
import org.cluetrain.formats.common.PostIds;
import org.cluetrain.ingest.FormatReader;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.UnusableInputException;
import org.cluetrain.model.Author;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;

/**
 * Reads pushed posts: a JSON array of post objects, or one object per line (NDJSON). Each object
 * has a {@code text} or a {@code title}; the other fields are optional: {@code id}, {@code url},
 * {@code published} (ISO-8601 or epoch seconds; the time of receipt when missing, since a webhook
 * sends what just happened), {@code author} (a name, or an object with {@code handle}, {@code
 * name}, {@code url}), {@code lang}, {@code kind}, {@code parent} and {@code thread} (another
 * post's {@code id} or URL), {@code platform} (a source type such as {@code mastodon}) and {@code
 * source} (the collector's name). Unknown fields are ignored, so a webhook's payload can carry
 * more.
 *
 * <p>Ids are stable across pushes: {@code push:SOURCE:ID} for a given id, {@code url:URL} for a
 * post known only by its address (the same id every reader gives it, so a pushed post and an
 * imported copy are one post), otherwise a hash of the content. A bad object is an unreadable item
 * naming its position; the objects before and after it still come through.
 */
public final class PushedPostsReader implements FormatReader {
  private final String collector;
  private final Instant receivedAt;

  /**
   * @param collector who pushed, the source's name when a post does not name one
   * @param receivedAt the time of receipt, for posts without a time of their own
   */
  public PushedPostsReader(String collector, Instant receivedAt) {
    this.collector = Objects.requireNonNull(collector, "collector");
    this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
  }

  @Override
  public String format() {
    return "push";
  }

  /** Never chosen by detection: pushed posts come only through the push API. */
  @Override
  public boolean recognises(String head, String fileName) {
    return false;
  }

  @Override
  public void read(InputDocument input, Consumer<ReadItem> sink) throws UnusableInputException {
    int item = 0;
    try (InputStream in = input.open();
        JsonParser parser = JsonInput.READER.createParser(in)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new UnusableInputException(input.name(), "empty body: no posts");
      }
      boolean array = first == JsonToken.START_ARRAY;
      JsonToken token = array ? parser.nextToken() : first;
      while (token != null && token != JsonToken.END_ARRAY) {
        item++;
        if (token != JsonToken.START_OBJECT) {
          sink.accept(unreadable(input, item, "not a JSON object but " + describe(token)));
          parser.skipChildren();
        } else {
          JsonNode node = JsonInput.READER.readTree(parser);
          try {
            sink.accept(new ReadItem.ParsedPost(post(node)));
          } catch (IllegalArgumentException bad) {
            sink.accept(unreadable(input, item, bad.getMessage()));
          }
        }
        token = parser.nextToken();
      }
      if (array && token == JsonToken.END_ARRAY && parser.nextToken() != null) {
        throw new UnusableInputException(
            input.name(), "more content after the array's end" + at(parser));
      }
    } catch (JsonProcessingException e) {
      throw new UnusableInputException(
          input.name(),
          "not well-formed JSON after "
              + Math.max(0, item - 1)
              + " post(s): "
              + e.getOriginalMessage()
              + JsonInput.location(e),
          e);
    } catch (IOException e) {
      throw new UnusableInputException(input.name(), "cannot be read: " + e.getMessage(), e);
    }
  }

  /** One object as a post; throws naming the field when it cannot be one. */
  Post post(JsonNode node) {
    String source = orElse(JsonInput.text(node, "source"), collector);
    SourceType type = platform(JsonInput.text(node, "platform"));
    String sourceId = "push:" + source;
    String raw = JsonInput.text(node, "text");
    String html = raw != null && HtmlText.looksLikeHtml(raw) && raw.contains("<") ? raw : null;
    String text = raw == null ? "" : html != null ? HtmlText.text(html) : HtmlText.normalise(raw);
    String title = JsonInput.text(node, "title");
    title = title == null ? null : HtmlText.normalise(title);
    if (text.isBlank() && (title == null || title.isBlank())) {
      throw new IllegalArgumentException("has neither \"text\" nor \"title\"");
    }
    String url = optionalUrl(JsonInput.text(node, "url"), "url");
    Instant published = published(node);
    String nativeId = JsonInput.text(node, "id");
    String id =
        nativeId != null
            ? idOf(sourceId, nativeId)
            : url != null ? "url:" + url : PostIds.fromContent(sourceId, title, published, text);
    String parent = JsonInput.text(node, "parent");
    String thread = JsonInput.text(node, "thread");
    String kind = JsonInput.text(node, "kind");
    String lang = JsonInput.text(node, "lang");
    if (lang != null && !lang.strip().matches("[A-Za-z]{2}")) {
      throw new IllegalArgumentException(
          "\"lang\" '" + lang + "' is not a two-letter language code such as de or en");
    }
    return Post.builder()
        .id(id)
        .source(new SourceRef(sourceId, type, source, null))
        .threadId(
            thread != null
                ? idOf(sourceId, thread)
                : parent != null ? idOf(sourceId, parent) : null)
        .parentId(parent == null ? null : idOf(sourceId, parent))
        .kind(
            kind != null
                ? PostKind.fromLabel(kind)
                : parent != null ? PostKind.COMMENT : PostKind.POST)
        .author(author(node.get("author"), sourceId, url))
        .url(url)
        .title(title)
        .text(text)
        .html(html)
        .published(published)
        .links(html != null ? HtmlText.links(html, url) : null)
        .lang(lang == null ? null : lang.strip().toLowerCase(Locale.ROOT))
        .build();
  }

  private Instant published(JsonNode node) {
    JsonNode value = node.get("published");
    if (value == null || value.isNull()) {
      return receivedAt;
    }
    Instant published = Dates.parse(value.asText());
    if (published == null) {
      throw new IllegalArgumentException(
          "\"published\" '"
              + value.asText()
              + "' is not a time; use ISO-8601 such as 2026-12-05T09:30:00Z, or epoch seconds");
    }
    return published;
  }

  private static Author author(JsonNode value, String sourceId, String postUrl) {
    if (value == null || value.isNull()) {
      return null;
    }
    String name;
    String handle = null;
    String url = null;
    if (value.isTextual()) {
      name = value.asText().strip();
    } else if (value.isObject()) {
      name = JsonInput.text(value, "name");
      handle = JsonInput.text(value, "handle");
      url = optionalUrl(JsonInput.text(value, "url"), "author.url");
    } else {
      throw new IllegalArgumentException(
          "\"author\" must be a name or an object with handle, name and url");
    }
    String key = url != null ? url : handle != null ? handle : name;
    if (key == null || key.isBlank()) {
      return null;
    }
    String host = PostIds.host(url != null ? url : postUrl);
    String id =
        url != null ? "url:" + url : host != null ? key + "@" + host : sourceId + ":" + key.strip();
    return new Author(id, name, handle, url);
  }

  private static SourceType platform(String label) {
    if (label == null) {
      return SourceType.PUSH;
    }
    try {
      return SourceType.fromLabel(label.strip());
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException(
          "\"platform\" '" + label + "' is not one of " + SourceType.labels(), unknown);
    }
  }

  private static String optionalUrl(String value, String field) {
    if (value == null) {
      return null;
    }
    String url = PostIds.absoluteUrl(value);
    if (url == null) {
      throw new IllegalArgumentException(
          "\"" + field + "\" '" + value + "' is not an absolute http(s) URL");
    }
    return url;
  }

  /** Another post named by its URL has the id every reader gives it; else the collector's id. */
  private static String idOf(String sourceId, String reference) {
    String byUrl = reference.startsWith("http") ? PostIds.fromUrl(reference) : null;
    return byUrl != null ? byUrl : sourceId + ":" + reference.strip();
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static ReadItem.UnreadableItem unreadable(InputDocument input, int item, String problem) {
    return new ReadItem.UnreadableItem(input.name(), "post " + item, problem);
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.toString();
    };
  }

  private static String at(JsonParser parser) {
    var location = parser.currentLocation();
    return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
