package org.cluetrain.connectors.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Objects;
import org.cluetrain.ingest.GapReason;
import org.cluetrain.ingest.SourceFailure;
import org.cluetrain.json.Json;
import org.jspecify.annotations.Nullable;

/** Reading an API's answer as JSON, an unreadable answer being a gap with its reason. */
public final class ApiJson {
  private ApiJson() {}

  /** The answer's JSON; an answer that is not JSON, or empty, is an unparseable page. */
  public static JsonNode parse(ApiResponse response) throws SourceFailure {
    JsonNode root;
    try {
      root = Json.mapper().readTree(response.body());
    } catch (IOException unreadable) {
      throw unparseable(response, "not JSON (" + firstLine(unreadable.getMessage()) + ")");
    }
    if (root == null || root.isMissingNode()) {
      throw unparseable(response, "an empty answer");
    }
    return root;
  }

  /** The failure of an answer that is not what the API documents. */
  public static SourceFailure unparseable(ApiResponse response, String what) {
    return new SourceFailure(GapReason.PAGE_UNPARSEABLE, response.uri() + ": " + what);
  }

  /** The first line of a parser's message, which goes on with the offending input. */
  public static String firstLine(@Nullable String message) {
    String text = Objects.requireNonNullElse(message, "unreadable");
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
