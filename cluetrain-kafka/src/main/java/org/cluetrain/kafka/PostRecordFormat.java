package org.cluetrain.kafka;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.cluetrain.json.Json;
import org.cluetrain.model.Post;

/**
 * The value of a post log record: UTF-8 JSON, an envelope that names its version around the post.
 *
 * <pre>{@code
 * {"version": 1, "post": {"id": "x:1", "source": {...}, "threadId": "x:1", "text": "…", …}}
 * }</pre>
 *
 * <p>The post is written by the shared mapper ({@link Json#mapper()}): record components by their
 * names, instants as ISO-8601 text, absent values left out. A reader of version 1 ignores fields it
 * does not know, so adding an optional field keeps the version; a change that an older reader would
 * misread (a renamed or retyped field) takes the next version, which older readers send to the
 * dead-letter topic instead of guessing.
 */
public final class PostRecordFormat {
  /** The version this code writes, and the only one it reads. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER =
      Json.mapper()
          .rebuild()
          // derived values such as Engagement.isUnknown() are not data
          .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private static final ObjectReader POST =
      MAPPER.readerFor(Post.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private PostRecordFormat() {}

  /** The record value for a post. */
  public static byte[] encode(Post post) {
    ObjectNode envelope = MAPPER.createObjectNode();
    envelope.put("version", VERSION);
    envelope.set("post", MAPPER.valueToTree(post));
    try {
      return MAPPER.writeValueAsBytes(envelope);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write post " + post.id() + " as JSON", e);
    }
  }

  /**
   * The post a record value holds.
   *
   * @throws MalformedPostRecordException with the reason it is not one
   */
  public static Post decode(byte[] value) throws MalformedPostRecordException {
    if (value == null || value.length == 0) {
      throw new MalformedPostRecordException(DeadLetterReason.NOT_JSON, "the record has no value");
    }
    JsonNode envelope;
    try {
      envelope = MAPPER.readTree(value);
    } catch (JsonProcessingException e) {
      throw new MalformedPostRecordException(
          DeadLetterReason.NOT_JSON, "not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new MalformedPostRecordException(DeadLetterReason.NOT_JSON, "not JSON: " + e);
    }
    if (envelope == null || !envelope.isObject()) {
      throw new MalformedPostRecordException(
          DeadLetterReason.NOT_JSON, "not a JSON object but " + kind(envelope));
    }
    JsonNode version = envelope.get("version");
    if (version == null || !version.isIntegralNumber()) {
      throw new MalformedPostRecordException(
          DeadLetterReason.UNKNOWN_VERSION,
          "no numeric 'version'; this reader reads version " + VERSION);
    }
    if (version.asLong() != VERSION) {
      throw new MalformedPostRecordException(
          DeadLetterReason.UNKNOWN_VERSION,
          "version " + version.asLong() + " is unknown; this reader reads version " + VERSION);
    }
    JsonNode post = envelope.get("post");
    if (post == null || !post.isObject()) {
      throw new MalformedPostRecordException(
          DeadLetterReason.INVALID_POST, "'post' is not a JSON object but " + kind(post));
    }
    if (blank(post.get("id"))) {
      throw new MalformedPostRecordException(DeadLetterReason.MISSING_ID, "the post has no 'id'");
    }
    String id = post.get("id").asText();
    if (blank(post.get("text")) && blank(post.get("title"))) {
      throw new MalformedPostRecordException(
          DeadLetterReason.MISSING_TEXT, "post " + id + " has neither 'text' nor 'title'");
    }
    try {
      return POST.readValue(post);
    } catch (IOException | IllegalArgumentException e) {
      String cause = e instanceof JsonProcessingException json ? json.getOriginalMessage() : null;
      throw new MalformedPostRecordException(
          DeadLetterReason.INVALID_POST,
          "post " + id + " is not valid: " + (cause != null ? cause : e.getMessage()));
    }
  }

  private static boolean blank(JsonNode node) {
    return node == null || !node.isTextual() || node.asText().isBlank();
  }

  private static String kind(JsonNode node) {
    return node == null ? "missing" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
