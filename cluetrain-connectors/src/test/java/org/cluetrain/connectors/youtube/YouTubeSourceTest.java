package org.cluetrain.connectors.youtube;

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
import org.cluetrain.testkit.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The YouTube connector against the Data API on loopback, answering with pages built from the
 * fixtures in {@code youtube/} (see its README).
 */
class YouTubeSourceTest {
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
  private static final String KEY = "AIzaTestKey-0123456789";
  private static final String VIDEO = "dQw4acme001";
  private static final String THREADS =
      "/youtube/v3/commentThreads?part=snippet,replies&videoId="
          + VIDEO
          + "&order=time&maxResults=100&textFormat=html";

  @TempDir Path directory;

  private ApiReplayServer api;
  private SourceHarness harness;
  private ManualClock clock;
  private List<Post> stored;
  private JdbcStorage storage;

  @BeforeEach
  void start() throws IOException {
    api = new ApiReplayServer();
    harness = new SourceHarness(directory, T0);
    clock = harness.clock;
    stored = harness.stored;
    storage = harness.storage;
  }

  @AfterEach
  void stop() {
    api.close();
    harness.close();
  }

  private static ObjectNode fixture(String name) throws IOException {
    try (InputStream in = YouTubeSourceTest.class.getResourceAsStream("/youtube/" + name)) {
      return (ObjectNode) Json.mapper().readTree(in);
    }
  }

  private static String text(String name) throws IOException {
    return fixture(name).toString();
  }

  /** A thread with this id, time and the replies carried in the answer (of all it has). */
  private static ObjectNode thread(String id, String publishedAt, int total, ObjectNode... replies)
      throws IOException {
    ObjectNode thread = fixture("comment-thread.json");
    thread.put("id", id);
    ObjectNode top = (ObjectNode) thread.path("snippet").path("topLevelComment");
    top.put("id", id);
    ((ObjectNode) top.path("snippet")).put("publishedAt", publishedAt);
    ((ObjectNode) thread.path("snippet")).put("totalReplyCount", total);
    ArrayNode carried = ((ObjectNode) thread.path("replies")).putArray("comments");
    for (ObjectNode reply : replies) {
      carried.add(reply);
    }
    return thread;
  }

  private static ObjectNode reply(String parent, String id, String publishedAt) throws IOException {
    ObjectNode reply = fixture("reply.json");
    reply.put("id", parent + "." + id);
    ObjectNode snippet = (ObjectNode) reply.path("snippet");
    snippet.put("parentId", parent).put("publishedAt", publishedAt);
    return reply;
  }

  private static String page(String next, ObjectNode... items) {
    ObjectNode page = Json.mapper().createObjectNode();
    page.put("kind", "youtube#commentThreadListResponse");
    if (next != null) {
      page.put("nextPageToken", next);
    }
    ArrayNode array = page.putArray("items");
    for (ObjectNode item : items) {
      array.add(item);
    }
    return page.toString();
  }

  private YouTubeSource source(YouTubeSource.Target target, String id) {
    return new YouTubeSource(
        new YouTubeSource.Settings(
            "acme", target, id, KEY, Duration.ofMinutes(5), URI.create(api.base()), 5),
        ApiReplayServer.client(clock));
  }

  private void pollOnce(YouTubeSource source) throws InterruptedException {
    try (SourceRunner runner = harness.runner(source)) {
      runner.pollDue();
    }
    clock.advance(Duration.ofMinutes(5));
  }

  @Test
  void commentsAndRepliesKeepTheirTreeAndOnlyNewThreadsAreReadAgain() throws Exception {
    YouTubeSource source = source(YouTubeSource.Target.VIDEO, VIDEO);
    api.answer(
        THREADS + "&key=" + KEY,
        page(
            null,
            thread("UgzB", "2026-11-30T09:00:00Z", 0),
            thread(
                "UgzA", "2026-11-30T08:00:00Z", 1, reply("UgzA", "r1", "2026-11-30T08:30:00Z"))));
    pollOnce(source);

    assertThat(stored)
        .extracting(Post::id)
        .containsExactly("youtube:UgzA", "youtube:UgzA.r1", "youtube:UgzB");
    Post top = stored.get(0);
    assertThat(top.kind()).isEqualTo(PostKind.COMMENT);
    assertThat(top.threadId()).isEqualTo("youtube:" + VIDEO);
    assertThat(top.parentId()).isEqualTo("youtube:" + VIDEO);
    assertThat(top.text()).contains("The new Acme sync is great").doesNotContain("<b>");
    assertThat(top.links()).contains("https://example.org/acme-sync-log");
    assertThat(top.url()).isEqualTo("https://www.youtube.com/watch?v=" + VIDEO + "&lc=UgzA");
    assertThat(top.author().name()).isEqualTo("@mariak");
    assertThat(top.author().id()).isEqualTo("youtube:UCmaria0000000000000001");
    assertThat(top.engagement().likes()).isEqualTo(12);
    assertThat(top.published()).isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
    Post reply = stored.get(1);
    assertThat(reply.kind()).isEqualTo(PostKind.REPLY);
    assertThat(reply.parentId()).isEqualTo("youtube:UgzA");
    assertThat(reply.threadId()).isEqualTo("youtube:" + VIDEO);
    assertThat(source.address()).doesNotContain(KEY);

    // two pages of newer threads, the second reaching back to the cursor
    api.answer(THREADS + "&key=" + KEY, page("tok2", thread("UgzD", "2026-12-01T09:02:00Z", 0)));
    api.answer(
        THREADS + "&pageToken=tok2&key=" + KEY,
        page(
            null,
            thread("UgzC", "2026-12-01T09:01:00Z", 0),
            thread("UgzB", "2026-11-30T09:00:00Z", 0)));
    pollOnce(source);

    assertThat(stored)
        .extracting(Post::id)
        .containsExactly(
            "youtube:UgzA", "youtube:UgzA.r1", "youtube:UgzB", "youtube:UgzC", "youtube:UgzD");
    assertThat(harness.gaps(source)).isEmpty();
    assertThat(storage.sourceStates().cursor(source.id()))
        .contains(Instant.parse("2026-12-01T09:02:00Z") + "|UgzD");
  }

  @Test
  void aThreadWithMoreRepliesThanTheAnswerCarriesHasThemRead() throws Exception {
    YouTubeSource source = source(YouTubeSource.Target.VIDEO, VIDEO);
    api.answer(
        THREADS + "&key=" + KEY,
        page(
            null,
            thread(
                "UgzA", "2026-11-30T08:00:00Z", 3, reply("UgzA", "r3", "2026-11-30T10:00:00Z"))));
    String replies =
        "/youtube/v3/comments?part=snippet&parentId=UgzA&maxResults=100&textFormat=html";
    api.answer(
        replies + "&key=" + KEY,
        page(
            "more",
            reply("UgzA", "r1", "2026-11-30T08:10:00Z"),
            reply("UgzA", "r2", "2026-11-30T09:00:00Z")));
    api.answer(
        replies + "&pageToken=more&key=" + KEY,
        page(null, reply("UgzA", "r3", "2026-11-30T10:00:00Z")));
    pollOnce(source);

    assertThat(stored)
        .extracting(Post::id)
        .containsExactly("youtube:UgzA", "youtube:UgzA.r1", "youtube:UgzA.r2", "youtube:UgzA.r3");
    assertThat(stored.subList(1, 4)).extracting(Post::parentId).containsOnly("youtube:UgzA");
  }

  @Test
  void aSpentQuotaIsARateLimitedGapUntilMidnightPacificTimeAndTheKeyIsNotShown() throws Exception {
    YouTubeSource source = source(YouTubeSource.Target.VIDEO, VIDEO);
    api.fail(403, text("quota-exceeded.json"));
    try (SourceRunner runner = harness.runner(source)) {
      runner.pollDue();
      SourceHealth health = runner.health().get(0);
      // 09:00 UTC is 01:00 in California: the quota starts again at the next midnight there
      assertThat(health.nextAttempt()).isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
      assertThat(health.lastError()).doesNotContain(KEY);
    }
    assertThat(harness.gaps(source))
        .singleElement()
        .satisfies(
            gap -> {
              assertThat(gap.reason()).isEqualTo(GapReason.RATE_LIMITED);
              assertThat(gap.detail())
                  .contains("HTTP 403")
                  .contains("quotaExceeded")
                  .contains("key=hidden")
                  .doesNotContain(KEY);
            });
    assertThat(stored).isEmpty();
  }

  @Test
  void aRefusedKeyIsNotARateLimit() throws Exception {
    YouTubeSource source = source(YouTubeSource.Target.VIDEO, VIDEO);
    api.fail(
        403,
        "{\"error\":{\"code\":403,\"errors\":[{\"domain\":\"youtube.parameter\","
            + "\"reason\":\"forbidden\"}]}}");
    pollOnce(source);
    assertThat(harness.gaps(source))
        .singleElement()
        .satisfies(gap -> assertThat(gap.reason()).isEqualTo(GapReason.AUTH_EXPIRED));
  }

  @Test
  void aChannelsCommentsAreAskedForByItsId() throws Exception {
    YouTubeSource source = source(YouTubeSource.Target.CHANNEL, "UCacmeWidgets000000000");
    api.answer(
        "/youtube/v3/commentThreads?part=snippet,replies"
            + "&allThreadsRelatedToChannelId=UCacmeWidgets000000000"
            + "&order=time&maxResults=100&textFormat=html&key="
            + KEY,
        page(null, thread("UgzA", "2026-11-30T08:00:00Z", 0)));
    pollOnce(source);
    assertThat(source.id()).isEqualTo("youtube:channel/UCacmeWidgets000000000");
    assertThat(stored).extracting(Post::id).containsExactly("youtube:UgzA");
    assertThat(stored.get(0).threadId()).isEqualTo("youtube:" + VIDEO);
  }
}
