package org.cluetrain.connectors.reddit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.cluetrain.connectors.net.AddressPolicy;
import org.cluetrain.connectors.source.ApiClient;
import org.cluetrain.connectors.source.SourceRunner;
import org.cluetrain.ingest.Gap;
import org.cluetrain.ingest.GapReason;
import org.cluetrain.jdbc.JdbcStorage;
import org.cluetrain.json.Json;
import org.cluetrain.model.Post;
import org.cluetrain.testkit.ManualClock;
import org.cluetrain.testkit.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Reddit connector against Reddit's API on loopback, replaying the recorded responses of {@code
 * fixtures/api/reddit} (PRAW's test cassettes): {@code r/all/new} and the next page of newer
 * submissions, and a 1,412-comment thread with a {@code morechildren} answer. The token answer, an
 * empty listing, 401 and 429 follow Reddit's OAuth and API documentation (no recording has them).
 */
class RedditSourceTest {
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
  private static final String EMPTY =
      "{\"kind\": \"Listing\", \"data\": {\"after\": null, \"before\": null, \"children\": []}}";

  @TempDir Path directory;

  private final ManualClock clock = new ManualClock(T0);
  private final List<Post> stored = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
  private final Deque<Integer> failures = new ConcurrentLinkedDeque<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger tokens = new AtomicInteger();
  private HttpServer reddit;
  private JdbcStorage storage;

  @BeforeEach
  void start() throws IOException {
    reddit = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    reddit.createContext("/", this::handle);
    reddit.start();
    storage = JdbcStorage.openSqlite(directory.resolve("ledger.db"));
  }

  @AfterEach
  void stop() {
    reddit.stop(0);
    storage.close();
  }

  private String base() {
    return "http://127.0.0.1:" + reddit.getAddress().getPort();
  }

  /** The key of a request: path and its sorted parameters, as the recordings' addresses give. */
  private static String key(URI uri) {
    Map<String, String> params = new TreeMap<>();
    String query = uri.getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    String path = uri.getPath().replaceAll("/$", "");
    return path + "?" + params;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      requests.add(exchange.getRequestMethod() + " " + uri);
      byte[] body;
      int status = 200;
      if (uri.getPath().equals("/api/v1/access_token")) {
        int n = tokens.incrementAndGet();
        body =
            ("{\"access_token\": \"token-"
                    + n
                    + "\", \"token_type\": \"bearer\","
                    + " \"expires_in\": 86400, \"scope\": \"*\"}")
                .getBytes(StandardCharsets.UTF_8);
      } else if (!failures.isEmpty() && !uri.getPath().startsWith("/api/")) {
        status = failures.poll();
        if (status == 429) {
          exchange.getResponseHeaders().add("Retry-After", "300");
        }
        body = new byte[0];
      } else {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        assertThat(authorization).startsWith("bearer token-");
        body = answers.get(uri.getPath().startsWith("/api/morechildren") ? "more" : key(uri));
        if (body == null) {
          body = EMPTY.getBytes(StandardCharsets.UTF_8);
        }
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("X-Ratelimit-Remaining", "595.0");
      exchange.getResponseHeaders().add("X-Ratelimit-Reset", "347");
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  /** Serves a recording's body for its request (its address on this server). */
  private JsonNode replay(String recording) throws IOException {
    JsonNode recorded = Json.mapper().readTree(SharedData.path(recording).toFile());
    JsonNode body = recorded.get("body");
    if (body.isTextual()) {
      body = Json.mapper().readTree(body.asText());
    }
    answers.put(
        key(URI.create(recorded.get("request_uri").asText())),
        Json.mapper().writeValueAsBytes(body));
    return body;
  }

  private RedditSource source(String subreddit, int maxThreads, int maxMore) {
    return new RedditSource(
        new RedditSource.Settings(
            "acme",
            subreddit,
            null,
            "client-id",
            "client-secret",
            Duration.ofMinutes(5),
            URI.create(base()),
            URI.create(base() + "/api/v1/access_token"),
            100,
            10,
            maxThreads,
            maxMore),
        new ApiClient(
            ApiClient.Settings.DEFAULT
                .withAddresses(AddressPolicy.allowing(List.of("127.0.0.1")))
                .withHostDelay(Duration.ZERO),
            clock),
        clock);
  }

  private SourceRunner runner(RedditSource source) {
    return new SourceRunner(
        List.of(source),
        (s, posts, problems) -> stored.addAll(posts),
        storage.sourceStates(),
        storage.gaps(),
        clock,
        Duration.ofSeconds(1),
        Duration.ZERO);
  }

  private List<Gap> gaps(RedditSource source) {
    return storage.gaps().gaps(source.id(), T0.minusSeconds(3600), T0.plus(Duration.ofDays(1)));
  }

  @Test
  void newSubmissionsArePagedWithBeforeFromTheCursorAndTheTokenIsRenewedOn401() throws Exception {
    String dir = "fixtures/api/reddit/TestSubredditStreams.test_submissions/";
    JsonNode first = replay(dir + "001.json");
    JsonNode newer = replay(dir + "002.json");
    RedditSource source = source("all", 0, 0);
    try (SourceRunner runner = runner(source)) {
      runner.pollDue();
      assertThat(stored).hasSize(first.path("data").path("children").size());
      assertThat(storage.sourceStates().cursor(source.id())).contains("t3_5jo13y");

      clock.advance(Duration.ofMinutes(5));
      failures.add(401);
      runner.pollDue();
    }
    assertThat(stored).hasSize(104);
    List<String> newerIds = new ArrayList<>();
    newer
        .path("data")
        .path("children")
        .forEach(c -> newerIds.add("reddit:" + c.path("data").path("name").asText()));
    assertThat(stored.subList(100, 104)).extracting(Post::id).containsExactlyElementsOf(newerIds);
    assertThat(stored).allSatisfy(p -> assertThat(p.project()).isEqualTo("acme"));
    assertThat(tokens.get()).isEqualTo(2);
    assertThat(requests).contains("GET /r/all/new?limit=100&raw_json=1&before=t3_5jo13y");
    assertThat(storage.sourceStates().cursor(source.id())).contains("t3_5jo144");
    assertThat(gaps(source)).isEmpty();
  }

  @Test
  void aRateLimitIsAGapBackfilledFromTheCursor() throws Exception {
    String dir = "fixtures/api/reddit/TestSubredditStreams.test_submissions/";
    replay(dir + "001.json");
    replay(dir + "002.json");
    RedditSource source = source("all", 0, 0);
    try (SourceRunner runner = runner(source)) {
      runner.pollDue();
      clock.advance(Duration.ofMinutes(5));
      failures.add(429);
      runner.pollDue();
      assertThat(gaps(source))
          .singleElement()
          .satisfies(g -> assertThat(g.reason()).isEqualTo(GapReason.RATE_LIMITED));
      clock.advance(Duration.ofMinutes(11));
      runner.pollDue();
    }
    assertThat(stored).hasSize(104);
    assertThat(gaps(source)).singleElement().satisfies(g -> assertThat(g.backfilled()).isTrue());
  }

  @Test
  void commentTreesAreReadWithMoreChildren() throws Exception {
    String dir = "fixtures/api/reddit/TestCommentForest.test_replace__all_large/";
    JsonNode thread = replay(dir + "001.json");
    JsonNode more = replay(dir + "002.json");
    answers.put("more", Json.mapper().writeValueAsBytes(more));
    // the subreddit's listing holds the thread's submission as the thread's page recorded it
    answers.put(
        "/r/announcements/new?{limit=100, raw_json=1}",
        Json.mapper().writeValueAsBytes(thread.get(0)));
    RedditSource source = source("announcements", 1, 1);
    try (SourceRunner runner = runner(source)) {
      runner.pollDue();
    }
    List<String> ids = new ArrayList<>(stored.stream().map(Post::id).toList());
    assertThat(ids).doesNotHaveDuplicates().contains("reddit:t3_n49rw");
    String fromMore =
        "reddit:"
            + more.path("json")
                .path("data")
                .path("things")
                .get(0)
                .path("data")
                .path("name")
                .asText();
    assertThat(ids).contains(fromMore).hasSizeGreaterThan(500);
    Post comment = stored.stream().filter(p -> p.id().equals(fromMore)).findFirst().orElseThrow();
    assertThat(comment.parentId()).startsWith("reddit:t");
    assertThat(comment.threadId()).isEqualTo("reddit:t3_n49rw");
    assertThat(requests).anyMatch(r -> r.startsWith("POST /api/morechildren"));
  }
}
