package org.cluetrain.connectors.mastodon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.cluetrain.connectors.net.AddressPolicy;
import org.cluetrain.connectors.source.ApiClient;
import org.cluetrain.connectors.source.SourceRunner;
import org.cluetrain.ingest.Gap;
import org.cluetrain.ingest.GapReason;
import org.cluetrain.ingest.Source;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.jdbc.JdbcStorage;
import org.cluetrain.json.Json;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.testkit.ManualClock;
import org.cluetrain.testkit.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Mastodon connector against a Mastodon instance on loopback ({@link MastodonReplay}), through
 * the source runner, with cursors and gaps kept in a real SQLite ledger.
 */
class MastodonSourceTest {
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

  @TempDir Path directory;

  private final ManualClock clock = new ManualClock(T0);
  private final List<Post> stored = new CopyOnWriteArrayList<>();
  private MastodonReplay instance;
  private JdbcStorage storage;

  @BeforeEach
  void start() {
    instance = new MastodonReplay();
    storage = JdbcStorage.openSqlite(directory.resolve("ledger.db"));
  }

  @AfterEach
  void stop() {
    instance.close();
    storage.close();
  }

  private ApiClient client() {
    return new ApiClient(
        ApiClient.Settings.DEFAULT
            .withAddresses(AddressPolicy.allowing(List.of("127.0.0.1")))
            .withHostDelay(Duration.ZERO),
        clock);
  }

  private MastodonSource source(int pageSize, int maxPages, boolean stream) {
    return MastodonSource.of(
        new MastodonSource.Settings(
            "acme",
            URI.create(instance.base()),
            MastodonSource.Timeline.TAG,
            "#acme",
            Duration.ofMinutes(5),
            "token-1",
            stream,
            pageSize,
            maxPages,
            10),
        client());
  }

  private SourceRunner runner(Source source) {
    return new SourceRunner(
        List.of(source),
        (s, posts, problems) -> stored.addAll(posts),
        storage.sourceStates(),
        storage.gaps(),
        clock,
        Duration.ofSeconds(1),
        Duration.ZERO);
  }

  private List<Gap> gaps(Source source) {
    return storage.gaps().gaps(source.id(), T0.minusSeconds(3600), T0.plus(Duration.ofDays(1)));
  }

  private List<String> storedTexts() {
    return stored.stream().map(Post::text).toList();
  }

  @Test
  void aNewSourceListensFromNowThenPagesBackToItsCursorWithTheLinkHeader() throws Exception {
    for (long id = 1; id <= 3; id++) {
      instance.post(id, "old " + id);
    }
    MastodonSource source = source(2, 10, false);
    try (SourceRunner runner = runner(source)) {
      runner.pollDue();
      assertThat(storedTexts()).containsExactly("old 3 #acme", "old 2 #acme");
      assertThat(storage.sourceStates().cursor(source.id())).contains("3");

      for (long id = 4; id <= 8; id++) {
        instance.post(id, "new " + id);
      }
      clock.advance(Duration.ofMinutes(5));
      stored.clear();
      runner.pollDue();

      assertThat(storedTexts())
          .containsExactly(
              "new 8 #acme", "new 7 #acme", "new 6 #acme", "new 5 #acme", "new 4 #acme");
      assertThat(instance.timelineRequests())
          .containsExactly(
              MastodonReplay.TAG_PATH + "?limit=2",
              MastodonReplay.TAG_PATH + "?limit=2&since_id=3",
              MastodonReplay.TAG_PATH + "?limit=2&max_id=7",
              MastodonReplay.TAG_PATH + "?limit=2&max_id=5");
      assertThat(storage.sourceStates().cursor(source.id())).contains("8");
      assertThat(gaps(source)).isEmpty();
      assertThat(instance.requestHeaders().get(0)).containsEntry("authorization", "Bearer token-1");
      SourceHealth health = runner.health().get(0);
      assertThat(health.state()).isEqualTo(SourceHealth.State.OK);
      assertThat(health.itemsFetched()).isEqualTo(7);
    }
  }

  @Test
  void postsAreTextOfTheProjectAndRepliesKeepTheirParentsFromTheConversation() throws Exception {
    instance.post(10, "Is the <b>acme</b> app down?");
    instance.reply(11, 10L, "Same here");
    instance.reply(12, 11L, "Back up now");
    instance.hide(10);
    instance.hide(11);
    MastodonSource source = source(40, 10, false);
    try (SourceRunner runner = runner(source)) {
      runner.pollDue();
    }
    assertThat(stored)
        .extracting(Post::text)
        .containsExactlyInAnyOrder(
            "Back up now #acme", "Is the acme app down? #acme", "Same here #acme");
    Post root = byText("Is the acme app down? #acme");
    Post middle = byText("Same here #acme");
    Post last = byText("Back up now #acme");
    assertThat(root.id()).isEqualTo("mastodon:https://mastodon.example/users/ana/statuses/10");
    assertThat(middle.parentId()).isEqualTo(root.id());
    assertThat(last.parentId()).isEqualTo(middle.id());
    assertThat(last.threadId()).isEqualTo(root.id());
    assertThat(last.kind()).isEqualTo(PostKind.REPLY);
    assertThat(stored).allSatisfy(p -> assertThat(p.project()).isEqualTo("acme"));
    assertThat(last.source().id()).isEqualTo(source.id());
    assertThat(instance.requests()).contains("/api/v1/statuses/12/context");
  }

  private Post byText(String text) {
    return stored.stream().filter(p -> p.text().equals(text)).findFirst().orElseThrow();
  }

  @Test
  void recordedStatusesFromTheDocumentationAreRead() throws Exception {
    Path examples = SharedData.path("fixtures/api/mastodon-activitypub/mastodon-docs-api-examples");
    JsonNode status = Json.mapper().readTree(examples.resolve("Status.000.json").toFile());
    JsonNode hello = Json.mapper().readTree(examples.resolve("statuses.004.json").toFile());
    instance.recorded(status);
    instance.recorded(hello);
    MastodonSource source = source(40, 10, false);
    try (SourceRunner runner = runner(source)) {
      runner.pollDue();
    }
    assertThat(stored)
        .extracting(Post::id)
        .contains(
            "mastodon:https://mastodon.social/users/Gargron/statuses/103270115826048975",
            "mastodon:https://mastodon.social/users/Gargron/statuses/1");
    assertThat(byText("Hello world").author().handle()).isEqualTo("Gargron@mastodon.social");
  }

  @Test
  void aRateLimitIsAGapUntilRetryAfterThenBackfilledFromTheCursor() throws Exception {
    instance.post(1, "one");
    MastodonSource source = source(40, 10, false);
    try (SourceRunner runner = runner(source)) {
      runner.pollDue();
      Instant covered = clock.instant();
      clock.advance(Duration.ofMinutes(5));
      instance.queue(429, Map.of("Retry-After", "600"), new byte[0]);
      instance.post(2, "two");
      runner.pollDue();

      Gap gap = gaps(source).get(0);
      assertThat(gap.reason()).isEqualTo(GapReason.RATE_LIMITED);
      assertThat(gap.from()).isEqualTo(covered);
      assertThat(gap.detail()).contains("HTTP 429").contains(instance.base());
      assertThat(gap.backfilled()).isFalse();
      assertThat(runner.health().get(0).nextAttempt())
          .isAfterOrEqualTo(clock.instant().plusSeconds(600));

      // not due before the host's time: nothing is sent
      int requests = instance.timelineRequests().size();
      clock.advance(Duration.ofMinutes(5));
      runner.pollDue();
      assertThat(instance.timelineRequests()).hasSize(requests);

      clock.advance(Duration.ofMinutes(6));
      runner.pollDue();
      assertThat(storedTexts()).containsExactly("one #acme", "two #acme");
      assertThat(gaps(source)).singleElement().satisfies(g -> assertThat(g.backfilled()).isTrue());
      assertThat(instance.timelineRequests().get(requests)).contains("since_id=1");
    }
  }

  @Test
  void anExpiredTokenIsAnAuthGapNamingTheAddress() throws Exception {
    // the instance's own answer to a revoked token, as recorded in Mastodon's documentation
    byte[] recorded =
        Files.readAllBytes(
            SharedData.path(
                "fixtures/api/mastodon-activitypub/mastodon-docs-api-examples/timelines.001.json"));
    instance.queue(401, Map.of("Content-Type", "application/json"), recorded);
    MastodonSource source = source(40, 10, false);
    try (SourceRunner runner = runner(source)) {
      runner.pollDue();
      SourceHealth health = runner.health().get(0);
      assertThat(health.state()).isEqualTo(SourceHealth.State.FAILING);
      assertThat(health.lastError())
          .contains(instance.base() + MastodonReplay.TAG_PATH)
          .contains("HTTP 401")
          .contains("credentials were refused");
      assertThat(gaps(source))
          .singleElement()
          .satisfies(g -> assertThat(g.reason()).isEqualTo(GapReason.AUTH_EXPIRED));
    }
  }

  @Test
  void anUnparseablePageIsAGapSayingWhatCame() throws Exception {
    instance.queue(
        200,
        Map.of("Content-Type", "text/html"),
        "<html><body>Down for maintenance</body></html>".getBytes(StandardCharsets.UTF_8));
    MastodonSource source = source(40, 10, false);
    try (SourceRunner runner = runner(source)) {
      runner.pollDue();
    }
    assertThat(gaps(source))
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.reason()).isEqualTo(GapReason.PAGE_UNPARSEABLE);
              assertThat(g.detail()).contains("not JSON");
            });
  }

  @Test
  void aCursorTooFarBackIsAGapThatStaysOpen() throws Exception {
    instance.post(1, "one");
    MastodonSource source = source(2, 2, false);
    try (SourceRunner runner = runner(source)) {
      runner.pollDue();
      for (long id = 2; id <= 9; id++) {
        instance.post(id, "n" + id);
      }
      clock.advance(Duration.ofMinutes(5));
      runner.pollDue();
      assertThat(gaps(source))
          .singleElement()
          .satisfies(
              g -> {
                assertThat(g.reason()).isEqualTo(GapReason.CURSOR_LOST);
                assertThat(g.backfilled()).isFalse();
              });
      assertThat(storage.sourceStates().cursor(source.id())).contains("9");
    }
  }

  @Test
  void aRestartMidWayContinuesFromTheStoredCursorWithoutGapOrDuplicate() throws Exception {
    instance.post(1, "one");
    instance.post(2, "two");
    MastodonSource source = source(40, 10, false);
    try (SourceRunner runner = runner(source)) {
      runner.pollDue();
    }
    storage.close();
    instance.post(3, "three");
    instance.post(4, "four");
    clock.advance(Duration.ofHours(1));
    storage = JdbcStorage.openSqlite(directory.resolve("ledger.db"));
    try (SourceRunner runner = runner(source(40, 10, false))) {
      runner.pollDue();
    }
    assertThat(storedTexts())
        .containsExactly("two #acme", "one #acme", "four #acme", "three #acme");
    assertThat(instance.timelineRequests().get(1)).endsWith("since_id=2");
    assertThat(gaps(source)).isEmpty();
  }

  @Test
  void aDroppedStreamResumesAndWhatItMissedComesFromTheCursor() throws Exception {
    instance.post(1, "one");
    instance.post(2, "streamed");
    instance.streamThenDrop(2);
    instance.streamThenDrop();
    MastodonSource source = source(40, 10, true);
    try (SourceRunner runner = runner(source)) {
      // the first poll reads the newest page (both), then opens the stream
      instance.hide(2);
      runner.pollDue();
      instance.post(3, "while the stream was down");
      awaitTrue(() -> storedTexts().contains("streamed #acme"));
      awaitTrue(() -> clock.instant().equals(runner.health().get(0).nextAttempt()));
      runner.pollDue();
      awaitTrue(() -> instance.streamConnections.get() == 2);
      assertThat(storedTexts())
          .contains("one #acme", "streamed #acme", "while the stream was down #acme");
      assertThat(instance.requests()).contains(MastodonReplay.TAG_PATH + "?limit=40&since_id=1");
      assertThat(gaps(source)).isEmpty();
    }
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 5 s");
      }
      Thread.sleep(10);
    }
  }
}
