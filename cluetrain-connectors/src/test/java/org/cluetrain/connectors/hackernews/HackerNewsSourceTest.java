package org.cluetrain.connectors.hackernews;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cluetrain.connectors.source.ApiReplayServer;
import org.cluetrain.connectors.source.SourceHarness;
import org.cluetrain.connectors.source.SourceRunner;
import org.cluetrain.ingest.GapReason;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.jdbc.JdbcStorage;
import org.cluetrain.json.Json;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceType;
import org.cluetrain.testkit.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Hacker News connector against both APIs on loopback, answering with pages and items built
 * from the fixtures in {@code hackernews/} (see its README).
 */
class HackerNewsSourceTest {
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
  private static final String SEARCH = "/api/v1/search_by_date?query=acme&tags=(story,comment)";

  @TempDir Path directory;

  private ApiReplayServer hn;
  private SourceHarness harness;
  private ManualClock clock;
  private List<Post> stored;
  private JdbcStorage storage;

  @BeforeEach
  void start() throws IOException {
    hn = new ApiReplayServer();
    harness = new SourceHarness(directory, T0);
    clock = harness.clock;
    stored = harness.stored;
    storage = harness.storage;
  }

  @AfterEach
  void stop() {
    hn.close();
    harness.close();
  }

  private static ObjectNode fixture(String name) throws IOException {
    try (InputStream in = HackerNewsSourceTest.class.getResourceAsStream("/hackernews/" + name)) {
      return (ObjectNode) Json.mapper().readTree(in);
    }
  }

  /** A story hit ({@code story}) or a comment hit on story 1 ({@code comment}) of this id. */
  private static ObjectNode hit(String type, long id, long createdAt) throws IOException {
    ObjectNode hit = fixture(type + "-hit.json");
    hit.put("objectID", Long.toString(id));
    hit.put("created_at_i", createdAt);
    hit.put("created_at", Instant.ofEpochSecond(createdAt).toString());
    if (type.equals("story")) {
      hit.put("story_id", id);
    }
    return hit;
  }

  private static String page(int page, int pages, ObjectNode... hits) {
    ObjectNode answer = Json.mapper().createObjectNode();
    ArrayNode array = answer.putArray("hits");
    for (ObjectNode hit : hits) {
      array.add(hit);
    }
    answer.put("page", page).put("nbPages", pages).put("hitsPerPage", 2);
    return answer.toString();
  }

  private static String since(long seconds) {
    return "&numericFilters=created_at_i%3E%3D" + seconds;
  }

  private HackerNewsSource source(HackerNewsSource.Mode mode, String query) {
    return new HackerNewsSource(
        new HackerNewsSource.Settings(
            "acme",
            mode,
            query,
            Duration.ofMinutes(5),
            URI.create(hn.base()),
            URI.create(hn.base()),
            2,
            5,
            50,
            Duration.ofDays(1)),
        ApiReplayServer.client(clock),
        clock);
  }

  @Test
  void searchPagesBackToTheCursorAndARestartBringsNoGapAndNoDuplicate() throws Exception {
    HackerNewsSource source = source(HackerNewsSource.Mode.SEARCH, "acme");
    hn.answer(
        SEARCH + "&hitsPerPage=2&page=0",
        page(0, 1, hit("comment", 12, 1000), hit("story", 11, 1000)));
    try (SourceRunner runner = harness.runner(source)) {
      runner.pollDue();
    }
    assertThat(storage.sourceStates().cursor(source.id()))
        .contains(Instant.ofEpochSecond(1000) + "|11 12");
    // newer hits over two pages; the second reaches back to the cursor's second
    hn.answer(
        SEARCH + since(1000) + "&hitsPerPage=2&page=0",
        page(0, 2, hit("comment", 15, 1300), hit("comment", 14, 1200)));
    hn.answer(
        SEARCH + since(1000) + "&hitsPerPage=2&page=1",
        page(1, 2, hit("story", 13, 1000), hit("comment", 12, 1000)));
    clock.advance(Duration.ofMinutes(5));
    // a restart: a new runner on the same ledger goes on from the stored cursor
    try (SourceRunner runner = harness.runner(source)) {
      runner.pollDue();
    }
    hn.answer(SEARCH + since(1300) + "&hitsPerPage=2&page=0", page(0, 1, hit("comment", 15, 1300)));
    clock.advance(Duration.ofMinutes(5));
    try (SourceRunner runner = harness.runner(source)) {
      runner.pollDue();
    }
    assertThat(stored)
        .extracting(Post::id)
        .containsExactly(
            "hackernews:12", "hackernews:11", "hackernews:15", "hackernews:14", "hackernews:13");
    assertThat(harness.gaps(source)).isEmpty();
    assertThat(storage.sourceStates().cursor(source.id()))
        .contains(Instant.ofEpochSecond(1300) + "|15");
    Post comment = stored.get(0);
    assertThat(comment.parentId()).isEqualTo("hackernews:41000001");
    assertThat(comment.threadId()).isEqualTo("hackernews:41000001");
    assertThat(comment.kind()).isEqualTo(PostKind.COMMENT);
    assertThat(comment.url()).isEqualTo("https://news.ycombinator.com/item?id=12");
    assertThat(comment.text()).contains("the sync kept dropping rows").doesNotContain("<i>");
    assertThat(comment.links()).contains("https://example.org/post-mortem");
    assertThat(comment.source().type()).isEqualTo(SourceType.HACKERNEWS);
    Post story = stored.get(1);
    assertThat(story.kind()).isEqualTo(PostKind.POST);
    assertThat(story.title()).startsWith("Show HN: Acme Widgets");
    assertThat(story.project()).isEqualTo("acme");
  }

  @Test
  void aRateLimitIsAGapThatWaitsForRetryAfterAndIsBackfilled() throws Exception {
    HackerNewsSource source = source(HackerNewsSource.Mode.SEARCH, "acme");
    hn.answer(SEARCH + "&hitsPerPage=2&page=0", page(0, 1, hit("story", 11, 1000)));
    hn.answer(
        SEARCH + since(1000) + "&hitsPerPage=2&page=0",
        page(0, 1, hit("story", 16, 2000), hit("story", 11, 1000)));
    try (SourceRunner runner = harness.runner(source)) {
      runner.pollDue();
      clock.advance(Duration.ofMinutes(5));
      hn.fail(429);
      runner.pollDue();
      assertThat(harness.gaps(source))
          .singleElement()
          .satisfies(
              g -> {
                assertThat(g.reason()).isEqualTo(GapReason.RATE_LIMITED);
                assertThat(g.detail()).contains("HTTP 429");
              });
      SourceHealth health = runner.health().get(0);
      assertThat(health.nextAttempt()).isAfterOrEqualTo(clock.instant().plusSeconds(600));
      int asked = hn.requests.size();
      clock.advance(Duration.ofMinutes(9));
      runner.pollDue();
      assertThat(hn.requests).hasSize(asked);
      clock.advance(Duration.ofMinutes(2));
      runner.pollDue();
    }
    assertThat(stored).extracting(Post::id).containsExactly("hackernews:11", "hackernews:16");
    assertThat(harness.gaps(source))
        .singleElement()
        .satisfies(g -> assertThat(g.backfilled()).isTrue());
  }

  @Test
  void anUnparseablePageIsAGapWithItsReasonAndTheCursorStays() throws Exception {
    HackerNewsSource source = source(HackerNewsSource.Mode.SEARCH, "acme");
    hn.answer(SEARCH + "&hitsPerPage=2&page=0", page(0, 1, hit("story", 11, 1000)));
    hn.answer(SEARCH + since(1000) + "&hitsPerPage=2&page=0", "<html>Service Unavailable</html>");
    try (SourceRunner runner = harness.runner(source)) {
      runner.pollDue();
      clock.advance(Duration.ofMinutes(5));
      runner.pollDue();
    }
    assertThat(harness.gaps(source))
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.reason()).isEqualTo(GapReason.PAGE_UNPARSEABLE);
              assertThat(g.detail()).contains("not JSON").contains("page=0");
            });
    assertThat(storage.sourceStates().cursor(source.id()))
        .contains(Instant.ofEpochSecond(1000) + "|11");
  }

  private static String item(String type, long id, long parent, long... kids) throws IOException {
    ObjectNode item = fixture(type + "-item.json");
    item.put("id", id);
    item.put("time", 1000 + id);
    ArrayNode array = item.putArray("kids");
    for (long kid : kids) {
      array.add(kid);
    }
    if (type.equals("comment")) {
      item.put("parent", parent);
    }
    return item.toString();
  }

  private static String story(long id, int descendants, long... kids) throws IOException {
    ObjectNode item = (ObjectNode) Json.mapper().readTree(item("story", id, 0, kids));
    item.put("descendants", descendants);
    return item.toString();
  }

  @Test
  void newStoriesAreReadOldestFirstAndTheirCommentTreesFollowed() throws Exception {
    HackerNewsSource source = source(HackerNewsSource.Mode.NEW, null);
    hn.answer("/v0/newstories.json", "[101, 100]");
    hn.answer("/v0/item/100.json", story(100, 0));
    hn.answer("/v0/item/101.json", story(101, 1, 102));
    hn.answer("/v0/item/102.json", item("comment", 102, 101));
    try (SourceRunner runner = harness.runner(source)) {
      runner.pollDue();
      // a reply to the comment, and a new story
      hn.answer("/v0/newstories.json", "[104, 101, 100]");
      hn.answer("/v0/item/104.json", story(104, 0));
      hn.answer("/v0/item/101.json", story(101, 2, 102));
      hn.answer("/v0/item/102.json", item("comment", 102, 101, 103));
      hn.answer("/v0/item/103.json", item("comment", 103, 102));
      clock.advance(Duration.ofMinutes(5));
      runner.pollDue();
      // nothing new: no item is delivered twice
      clock.advance(Duration.ofMinutes(5));
      runner.pollDue();
    }
    assertThat(stored)
        .extracting(Post::id)
        .containsExactly(
            "hackernews:100",
            "hackernews:101",
            "hackernews:102",
            "hackernews:104",
            "hackernews:103");
    Post reply = stored.get(4);
    assertThat(reply.kind()).isEqualTo(PostKind.REPLY);
    assertThat(reply.parentId()).isEqualTo("hackernews:102");
    assertThat(reply.threadId()).isEqualTo("hackernews:101");
    assertThat(harness.gaps(source)).isEmpty();
  }
}
