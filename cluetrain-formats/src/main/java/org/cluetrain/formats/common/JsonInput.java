package org.cluetrain.formats.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.UnusableInputException;
import org.cluetrain.json.Json;

/**
 * Reading JSON inputs: whole API responses as trees, and the recorded-response envelope {@code
 * {request_uri, recorded_at, body}} that the API fixtures use, unwrapped to its body.
 */
public final class JsonInput {
  /**
   * The shared mapper's reader, lenient where real exports are: comments are tolerated, and parse
   * errors quote the input.
   */
  public static final ObjectReader READER =
      Json.mapper()
          .reader()
          .with(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .with(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION);

  private JsonInput() {}

  /** Reads the whole input as a JSON tree; the envelope of recorded responses is removed. */
  public static JsonNode tree(InputDocument input) throws UnusableInputException {
    return unwrap(rawTree(input));
  }

  /** Reads the whole input as a JSON tree as it is. */
  public static JsonNode rawTree(InputDocument input) throws UnusableInputException {
    JsonNode root;
    try (InputStream in = input.open()) {
      root = READER.readTree(in);
    } catch (JsonProcessingException e) {
      throw new UnusableInputException(
          input.name(), "not well-formed JSON: " + e.getOriginalMessage() + location(e), e);
    } catch (IOException | RuntimeException e) {
      throw new UnusableInputException(input.name(), "cannot be read: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new UnusableInputException(input.name(), "empty input, no JSON");
    }
    return root;
  }

  /** The {@code body} of a recorded response envelope, or the node itself. */
  public static JsonNode unwrap(JsonNode root) {
    if (root.isObject()
        && root.has("body")
        && (root.has("request_uri") || root.has("recorded_at"))) {
      return root.get("body");
    }
    return root;
  }

  /** The text of a field, or {@code null} when it is missing, null or blank. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText();
    return text.isBlank() ? null : text;
  }

  /** The number in a field (numbers and numeric strings), or {@code null}. */
  public static Long number(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return value.asLong();
    }
    try {
      return Long.parseLong(value.asText().strip());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  /** " at line l, column c" for a parse error. */
  public static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  /** The head with the recorded-response envelope's start skipped, for sniffing. */
  public static String sniffable(String head) {
    String start = head.stripLeading();
    if (start.startsWith("{") && start.contains("\"request_uri\"")) {
      int body = start.indexOf("\"body\"");
      if (body > 0) {
        int colon = start.indexOf(':', body);
        return colon > 0 ? start.substring(colon + 1).stripLeading() : start;
      }
    }
    return start;
  }
}
