package org.cluetrain.connectors.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.cluetrain.json.Json;

/**
 * A Mastodon instance on loopback, as its API documentation describes it: a hashtag timeline with
 * {@code since_id}/{@code max_id}/{@code limit} and {@code Link} headers, conversations, and a
 * hashtag stream of server-sent events. Statuses are the test resource {@code status.json} with
 * their ids, URIs, replies and content changed, or recorded statuses a test adds as they are.
 * Answers a test queues (a 429, a 401, an HTML page) are served first, one per request.
 */
final class MastodonReplay implements AutoCloseable {
  static final String TAG_PATH = "/api/v1/timelines/tag/acme";
  static final String STREAM_PATH = "/api/v1/streaming/hashtag";

  /** A queued answer. */
  record Answer(int status, Map<String, String> headers, byte[] body) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final NavigableMap<Long, JsonNode> statuses = new ConcurrentSkipListMap<>();
  private final Deque<Answer> queued = new ConcurrentLinkedDeque<>();
  private final Deque<List<Long>> streams = new ConcurrentLinkedDeque<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<Map<String, String>> requestHeaders = new CopyOnWriteArrayList<>();
  final AtomicInteger streamConnections = new AtomicInteger();
  private final JsonNode template;

  MastodonReplay() {
    try (InputStream in = MastodonReplay.class.getResourceAsStream("/mastodon/status.json")) {
      template = Json.mapper().readTree(in);
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Adds a status with this id and text. */
  JsonNode post(long id, String text) {
    return reply(id, null, text);
  }

  /** Adds a reply (or, without a parent, a post). */
  JsonNode reply(long id, Long parent, String text) {
    ObjectNode status = template.deepCopy();
    status.put("id", Long.toString(id));
    status.put("uri", "https://mastodon.example/users/ana/statuses/" + id);
    status.put("url", "https://mastodon.example/@ana/" + id);
    status.put(
        "content",
        "<p>"
            + text
            + " <a href=\"https://mastodon.example/tags/acme\" class=\"mention hashtag\">#<span>acme</span></a></p>");
    status.put("created_at", java.time.Instant.parse("2026-11-30T08:00:00Z").plusSeconds(id) + "");
    if (parent != null) {
      status.put("in_reply_to_id", Long.toString(parent));
      // another account answers: the parent's post id cannot be derived from the reply's URI
      status.put("in_reply_to_account_id", "999");
      ((ObjectNode) statuses.get(parent))
          .put("replies_count", statuses.get(parent).path("replies_count").asInt() + 1);
    }
    statuses.put(id, status);
    return status;
  }

  /** Adds a recorded status as it is. */
  void recorded(JsonNode status) {
    statuses.put(Long.parseLong(status.path("id").asText()), status);
  }

  /** Keeps a status out of the timeline (it is only reachable as another's conversation). */
  void hide(long id) {
    hidden.add(id);
  }

  private final List<Long> hidden = new CopyOnWriteArrayList<>();

  /** Serves this answer to the next timeline request instead of the timeline. */
  void queue(int status, Map<String, String> headers, byte[] body) {
    queued.add(new Answer(status, headers, body));
  }

  /** The next stream connection sends these statuses as {@code update} events, then drops. */
  void streamThenDrop(long... ids) {
    List<Long> list = new ArrayList<>();
    for (long id : ids) {
      list.add(id);
    }
    streams.add(list);
  }

  /** Timeline requests as sent: path and query. */
  List<String> timelineRequests() {
    return requests.stream().filter(r -> r.startsWith(TAG_PATH)).toList();
  }

  List<String> requests() {
    return List.copyOf(requests);
  }

  List<Map<String, String>> requestHeaders() {
    return List.copyOf(requestHeaders);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getRawQuery();
    requests.add(path + (query == null ? "" : "?" + query));
    Map<String, String> headers = new HashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
    requestHeaders.add(headers);
    Map<String, String> params = params(query);
    try (exchange) {
      if (path.equals(TAG_PATH)) {
        Answer answer = queued.poll();
        if (answer != null) {
          answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
          send(exchange, answer.status(), answer.body());
        } else {
          timeline(exchange, params);
        }
      } else if (path.startsWith("/api/v1/statuses/") && path.endsWith("/context")) {
        long id = Long.parseLong(path.split("/")[4]);
        context(exchange, id);
      } else if (path.equals(STREAM_PATH)) {
        stream(exchange);
      } else {
        send(exchange, 404, "{\"error\":\"Record not found\"}".getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException clientGone) {
      // the client hung up
    }
  }

  private void timeline(HttpExchange exchange, Map<String, String> params) throws IOException {
    int limit = Integer.parseInt(params.getOrDefault("limit", "20"));
    long since = Long.parseLong(params.getOrDefault("since_id", "0"));
    long max = Long.parseLong(params.getOrDefault("max_id", Long.toString(Long.MAX_VALUE)));
    ArrayNode page = Json.mapper().createArrayNode();
    long newest = 0;
    long oldest = 0;
    for (Map.Entry<Long, JsonNode> e : statuses.descendingMap().entrySet()) {
      long id = e.getKey();
      if (id <= since || id >= max || hidden.contains(id)) {
        continue;
      }
      if (page.size() == limit) {
        break;
      }
      page.add(e.getValue());
      newest = newest == 0 ? id : newest;
      oldest = id;
    }
    if (page.size() > 0) {
      // as Mastodon does: next keeps only the limit and max_id, prev the min_id
      exchange
          .getResponseHeaders()
          .add(
              "Link",
              "<"
                  + base()
                  + TAG_PATH
                  + "?limit="
                  + limit
                  + "&max_id="
                  + oldest
                  + ">; rel=\"next\", <"
                  + base()
                  + TAG_PATH
                  + "?limit="
                  + limit
                  + "&min_id="
                  + newest
                  + ">; rel=\"prev\"");
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().add("X-RateLimit-Remaining", "299");
    send(exchange, 200, Json.mapper().writeValueAsBytes(page));
  }

  private void context(HttpExchange exchange, long id) throws IOException {
    JsonNode status = statuses.get(id);
    if (status == null) {
      send(exchange, 404, "{\"error\":\"Record not found\"}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    ObjectNode answer = Json.mapper().createObjectNode();
    ArrayNode ancestors = answer.putArray("ancestors");
    List<JsonNode> up = new ArrayList<>();
    for (JsonNode s = status; s.hasNonNull("in_reply_to_id"); ) {
      s = statuses.get(Long.parseLong(s.get("in_reply_to_id").asText()));
      if (s == null) {
        break;
      }
      up.add(0, s);
    }
    up.forEach(ancestors::add);
    ArrayNode descendants = answer.putArray("descendants");
    descend(id, descendants);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    send(exchange, 200, Json.mapper().writeValueAsBytes(answer));
  }

  private void descend(long id, ArrayNode into) {
    for (JsonNode s : statuses.values()) {
      if (s.path("in_reply_to_id").asText("").equals(Long.toString(id))) {
        into.add(s);
        descend(s.get("id").asLong(), into);
      }
    }
  }

  private void stream(HttpExchange exchange) throws IOException {
    streamConnections.incrementAndGet();
    List<Long> events = streams.poll();
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(":)\n\n".getBytes(StandardCharsets.UTF_8));
      if (events != null) {
        for (long id : events) {
          String data = Json.mapper().writeValueAsString(statuses.get(id));
          out.write(("event: update\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
      // then the connection drops, as a restarting instance or a proxy's time-out does
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static Map<String, String> params(String query) {
    Map<String, String> params = new HashMap<>();
    if (query == null) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
