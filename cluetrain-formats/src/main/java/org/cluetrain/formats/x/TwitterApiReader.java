package org.cluetrain.formats.x;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.cluetrain.formats.common.JsonInput;
import org.cluetrain.ingest.FormatReader;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.UnusableInputException;
import org.cluetrain.model.Post;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;

/**
 * Twitter/X API responses: v2 ({@code {data, includes.users}}, the author joined by {@code
 * author_id}) and v1.1 (a status, an array of statuses, or search's {@code {statuses}}), bare or
 * wrapped as a recorded response {@code {request_uri, body}}. The source is {@code x-api:} + the
 * request's host and path when recorded, else the file name.
 */
public final class TwitterApiReader implements FormatReader {

  @Override
  public String format() {
    return "twitter";
  }

  @Override
  public boolean recognises(String head, String fileName) {
    String start = head.stripLeading();
    if (start.startsWith("{")
        && start.contains("\"request_uri\"")
        && start.contains("api.twitter.com")) {
      return true;
    }
    String body = JsonInput.sniffable(head);
    boolean v2 =
        body.startsWith("{")
            && body.contains("\"data\"")
            && (body.contains("\"edit_history_tweet_ids\"")
                || body.contains("\"author_id\"")
                || body.contains("\"conversation_id\""));
    boolean v1 =
        (body.startsWith("{") || body.startsWith("["))
            && body.contains("\"id_str\"")
            && body.contains("\"created_at\"")
            && (body.contains("\"retweet_count\"") || body.contains("\"favorite_count\""));
    return v2 || v1;
  }

  @Override
  public void read(InputDocument input, Consumer<ReadItem> sink) throws UnusableInputException {
    JsonNode root = JsonInput.rawTree(input);
    String requestUri = JsonInput.text(root, "request_uri");
    JsonNode body = JsonInput.unwrap(root);
    SourceRef source = source(input, requestUri);
    if (body.isObject() && body.has("errors") && !body.has("data") && !body.has("statuses")) {
      throw new UnusableInputException(
          input.name(), "an API error response: " + body.get("errors").toString());
    }
    if (body.isObject() && body.has("data")) {
      Map<String, JsonNode> users = new HashMap<>();
      for (JsonNode user : body.path("includes").path("users")) {
        String id = JsonInput.text(user, "id");
        if (id != null) {
          users.put(id, user);
        }
      }
      JsonNode data = body.get("data");
      if (data.isObject()) {
        emit(input, sink, 1, () -> TweetMapping.fromV2(data, source, users));
      } else {
        int index = 0;
        for (JsonNode tweet : data) {
          emit(input, sink, ++index, () -> TweetMapping.fromV2(tweet, source, users));
        }
      }
      return;
    }
    JsonNode statuses = body.isObject() && body.has("statuses") ? body.get("statuses") : body;
    if (statuses.isObject()) {
      emit(input, sink, 1, () -> TweetMapping.fromV1(statuses, source, null));
    } else if (statuses.isArray()) {
      int index = 0;
      for (JsonNode tweet : statuses) {
        emit(input, sink, ++index, () -> TweetMapping.fromV1(tweet, source, null));
      }
    } else {
      throw new UnusableInputException(input.name(), "not a Twitter API response: no tweets found");
    }
  }

  private static void emit(
      InputDocument input,
      Consumer<ReadItem> sink,
      int index,
      java.util.function.Supplier<Post> mapping) {
    ReadItem item;
    try {
      item = new ReadItem.ParsedPost(mapping.get());
    } catch (RuntimeException e) {
      item =
          new ReadItem.UnreadableItem(
              input.name(), "tweet " + index, String.valueOf(e.getMessage()));
    }
    sink.accept(item);
  }

  private static SourceRef source(InputDocument input, String requestUri) {
    if (requestUri != null) {
      try {
        URI uri = URI.create(requestUri);
        if (uri.getHost() != null) {
          return new SourceRef(
              "x-api:" + uri.getHost() + uri.getPath(), SourceType.TWITTER, null, null);
        }
      } catch (IllegalArgumentException notAUri) {
        // fall back to the file name
      }
    }
    if (input.origin() != null) {
      return new SourceRef("x-api:" + input.origin(), SourceType.TWITTER, null, null);
    }
    return new SourceRef("x-api:file:" + input.fileName(), SourceType.TWITTER, null, null);
  }
}
