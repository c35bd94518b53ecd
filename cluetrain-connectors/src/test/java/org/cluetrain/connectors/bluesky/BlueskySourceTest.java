package org.cluetrain.connectors.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cluetrain.connectors.source.ApiReplayServer;
import org.cluetrain.connectors.source.SourceHarness;
import org.cluetrain.connectors.source.SourceRunner;
import org.cluetrain.ingest.GapReason;
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
 * The Bluesky connector against an AppView on loopback, answering with pages and threads built from
 * {@code bluesky/post-view.json} (see its README).
 */
class BlueskySourceTest {
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
  private static final String DID = "did:plc:z72i7hdynmk6r22z27h6tvur";
  private static final String SEARCH = "/xrpc/app.bsky.feed.searchPosts?q=acme%20sync&sort=latest";

  @TempDir Path directory;

  private ApiReplayServer appView;
  private SourceHarness harness;
  private ManualClock clock;
  private List<Post> stored;
  private JdbcStorage storage;

  @BeforeEach
  void start() throws IOException {
    appView = new ApiReplayServer();
    harness = new SourceHarness(directory, T0);
    clock = harness.clock;
    stored = harness.stored;
    storage = harness.storage;
  }

  @AfterEach
  void stop() {
    appView.close();
    harness.close();
  }

  private static String uri(String rkey) {
    return "at://" + DID + "/app.bsky.feed.post/" + rkey;
  }

  /** A post view of this record key, written this many minutes after 08:00. */
  private static ObjectNode view(String rkey, int minute) throws IOException {
    ObjectNode view;
    try (InputStream in = BlueskySourceTest.class.getResourceAsStream("/bluesky/post-view.json")) {
      view = (ObjectNode) Json.mapper().readTree(in);
    }
    view.put("uri", uri(rkey));
    Instant at = Instant.parse("2026-12-01T08:00:00Z").plus(Duration.ofMinutes(minute));
    ((ObjectNode) view.get("record")).put("createdAt", at.toString());
    view.put("indexedAt", at.plusSeconds(1).toString());
    return view;
  }

  private static ObjectNode reply(String rkey, int minute, String parent) throws IOException {
    ObjectNode view = view(rkey, minute);
    ObjectNode reply = ((ObjectNode) view.get("record")).putObject("reply");
    reply.putObject("root").put("uri", uri(parent)).put("cid", "bafyroot");
    reply.putObject("parent").put("uri", uri(parent)).put("cid", "bafyparent");
    return view;
  }

  private static String page(String cursor, ObjectNode... views) {
    ObjectNode answer = Json.mapper().createObjectNode();
    if (cursor != null) {
      answer.put("cursor", cursor);
    }
    ArrayNode posts = answer.putArray("posts");
    for (ObjectNode view : views) {
      posts.add(view);
    }
    return answer.toString();
  }

  private static String since(int minute) {
    Instant at = Instant.parse("2026-12-01T08:00:00Z").plus(Duration.ofMinutes(minute));
    return "&since=" + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8);
  }

  private BlueskySource source(String search, String author) {
    return new BlueskySource(
        new BlueskySource.Settings(
            "acme", search, author, Duration.ofMinutes(5), URI.create(appView.base()), 2, 5, 5),
        ApiReplayServer.client(clock));
  }

  @Test
  void searchPagesWithTheCursorSinceTheLastPostAndARestartBringsNoGapAndNoDuplicate()
      throws Exception {
    BlueskySource source = source("acme sync", null);
    appView.answer(SEARCH + "&limit=2", page("page-2", view("3laaa", 1), view("3laab", 0)));
    try (SourceRunner runner = harness.runner(source)) {
      runner.pollDue();
    }
    appView.answer(SEARCH + since(1) + "&limit=2", page("p2", view("3laae", 4), view("3laad", 3)));
    appView.answer(
        SEARCH + since(1) + "&limit=2&cursor=p2", page("p3", view("3laac", 2), view("3laaa", 1)));
    clock.advance(Duration.ofMinutes(5));
    try (SourceRunner runner = harness.runner(source)) {
      runner.pollDue();
    }
    appView.answer(SEARCH + since(4) + "&limit=2", page(null, view("3laae", 4)));
    clock.advance(Duration.ofMinutes(5));
    try (SourceRunner runner = harness.runner(source)) {
      runner.pollDue();
    }
    assertThat(stored)
        .extracting(Post::id)
        .containsExactly(
            "bluesky:" + DID + "/3laaa",
            "bluesky:" + DID + "/3laab",
            "bluesky:" + DID + "/3laae",
            "bluesky:" + DID + "/3laad",
            "bluesky:" + DID + "/3laac");
    assertThat(harness.gaps(source)).isEmpty();
    assertThat(appView.requests).doesNotContain(SEARCH + "&limit=2&cursor=page-2");
    Post post = stored.get(0);
    assertThat(post.url()).isEqualTo("https://bsky.app/profile/" + DID + "/post/3laaa");
    assertThat(post.source().type()).isEqualTo(SourceType.BLUESKY);
    assertThat(java.util.Objects.requireNonNull(post.author()).handle())
        .isEqualTo("anna.bsky.social");
    assertThat(post.links()).containsExactly("https://widgets.example.org/status");
    assertThat(post.hashtags()).containsExactly("acme");
    assertThat(post.mentions()).containsExactly("acme.bsky.social");
    assertThat(post.published()).isEqualTo(Instant.parse("2026-12-01T08:01:00Z"));
  }

  @Test
  void aRateLimitIsAGapAndAnExhaustedRateLimitHoldsTheNextRequestBack() throws Exception {
    BlueskySource source = source("acme sync", null);
    appView.answer(SEARCH + "&limit=2", page(null, view("3laaa", 1)));
    appView.answer(SEARCH + since(1) + "&limit=2", page(null, view("3laab", 6), view("3laaa", 1)));
    try (SourceRunner runner = harness.runner(source)) {
      runner.pollDue();
      clock.advance(Duration.ofMinutes(5));
      appView.fail(429);
      runner.pollDue();
      assertThat(harness.gaps(source))
          .singleElement()
          .satisfies(g -> assertThat(g.reason()).isEqualTo(GapReason.RATE_LIMITED));
      clock.advance(Duration.ofMinutes(11));
      // the AppView's budget is spent until a time (seconds since 1970) an hour on
      long reset = clock.instant().plus(Duration.ofHours(1)).getEpochSecond();
      appView.header("RateLimit-Remaining", "0");
      appView.header("RateLimit-Reset", Long.toString(reset));
      runner.pollDue();
      int asked = appView.requests.size();
      clock.advance(Duration.ofMinutes(30));
      runner.pollDue();
      assertThat(appView.requests).hasSize(asked);
      assertThat(runner.health().get(0).lastError()).contains("rate limited by host until");
    }
    assertThat(stored).extracting(Post::id).endsWith("bluesky:" + DID + "/3laab");
    assertThat(harness.gaps(source)).hasSize(2);
  }

  @Test
  void anUnparseablePageIsAGapWithItsReason() throws Exception {
    BlueskySource source = source("acme sync", null);
    appView.answer(SEARCH + "&limit=2", "{\"error\": \"InternalServerError\", \"message\": \"x\"}");
    try (SourceRunner runner = harness.runner(source)) {
      runner.pollDue();
    }
    assertThat(harness.gaps(source))
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.reason()).isEqualTo(GapReason.PAGE_UNPARSEABLE);
              assertThat(g.detail()).contains("not a list of posts but the error");
            });
    assertThat(storage.sourceStates().cursor(source.id())).isEmpty();
  }

  @Test
  void anAccountsPostsComeWithTheirThreadsAndWithoutReposts() throws Exception {
    BlueskySource source = source(null, "anna.bsky.social");
    ObjectNode asked = view("3lbbb", 5);
    asked.put("replyCount", 1);
    ObjectNode feed = Json.mapper().createObjectNode();
    ArrayNode entries = feed.putArray("feed");
    entries.addObject().set("post", asked);
    ObjectNode repost = entries.addObject();
    repost.set("post", view("3lccc", 4));
    repost.putObject("reason").put("$type", "app.bsky.feed.defs#reasonRepost");
    appView.answer(
        "/xrpc/app.bsky.feed.getAuthorFeed?actor=anna.bsky.social&limit=2", feed.toString());
    ObjectNode thread = Json.mapper().createObjectNode();
    ObjectNode root = thread.putObject("thread");
    root.put("$type", "app.bsky.feed.defs#threadViewPost");
    root.set("post", asked);
    ObjectNode answer = root.putArray("replies").addObject();
    answer.put("$type", "app.bsky.feed.defs#threadViewPost");
    answer.set("post", reply("3lddd", 7, "3lbbb"));
    root.putArray("replies").add(answer).addObject().put("$type", "app.bsky.feed.defs#blockedPost");
    appView.answer(
        "/xrpc/app.bsky.feed.getPostThread?uri="
            + URLEncoder.encode(uri("3lbbb"), StandardCharsets.UTF_8)
            + "&depth=10&parentHeight=10",
        thread.toString());
    try (SourceRunner runner = harness.runner(source)) {
      runner.pollDue();
    }
    assertThat(stored)
        .extracting(Post::id)
        .containsExactly("bluesky:" + DID + "/3lbbb", "bluesky:" + DID + "/3lddd");
    Post replyPost = stored.get(1);
    assertThat(replyPost.kind()).isEqualTo(PostKind.REPLY);
    assertThat(replyPost.parentId()).isEqualTo("bluesky:" + DID + "/3lbbb");
    assertThat(replyPost.threadId()).isEqualTo("bluesky:" + DID + "/3lbbb");
    assertThat(harness.gaps(source)).isEmpty();
  }
}
