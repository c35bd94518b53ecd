package org.cluetrain.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.cluetrain.connectors.feed.FeedPollResult;
import org.cluetrain.connectors.feed.FeedPoller;
import org.cluetrain.connectors.feed.FeedState;
import org.cluetrain.connectors.feed.FeedSubscription;
import org.cluetrain.connectors.net.AddressPolicy;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.ingest.SourceHealth.State;
import org.cluetrain.model.Post;
import org.cluetrain.testkit.ManualClock;
import org.cluetrain.testkit.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The poller against a real HTTP server on the loopback interface, serving real feeds. */
class FeedPollerTest {
  private static final Instant START = Instant.parse("2024-05-01T08:00:00Z");
  private static final Duration INTERVAL = Duration.ofMinutes(1);
  private static final String ATOM = "application/atom+xml; charset=utf-8";
  private static final String RSS = "application/rss+xml; charset=utf-8";

  private final ManualClock clock = new ManualClock(START);
  private final RecordingListener listener = new RecordingListener();
  private final FeedServer server = FeedServer.start();
  private final List<FeedPoller> pollers = new ArrayList<>();

  /**
   * The server hands out real captured feeds from its own threads, where a missing file could not
   * skip the test: check for them here, on the test's thread, first.
   */
  @BeforeEach
  void sharedFeedsArePresent() {
    SharedData.path("fixtures/feeds/real-captured/input");
  }

  @AfterEach
  void stop() {
    pollers.forEach(FeedPoller::close);
    server.close();
  }

  /**
   * Test defaults: manual clock, no jitter, no politeness pause, short time-outs, and the test
   * server's loopback address allowed (refused by default).
   */
  private FeedPoller.Builder poller(FeedSubscription... feeds) {
    return FeedPoller.builder(listener)
        .subscribe(feeds)
        .addresses(AddressPolicy.allowing(List.of("127.0.0.1")))
        .clock(clock)
        .random(() -> 0L)
        .hostDelay(Duration.ZERO)
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(5));
  }

  private FeedPoller build(FeedPoller.Builder builder) {
    FeedPoller poller = builder.build();
    pollers.add(poller);
    return poller;
  }

  private FeedSubscription feed(String path) {
    return FeedSubscription.of("feed:" + server.url(path), "acme", server.url(path), INTERVAL);
  }

  private static byte[] fixture(String name) {
    try {
      return Files.readAllBytes(SharedData.path("fixtures/feeds/real-captured/input/" + name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FeedPollResult only(List<FeedPollResult> results) {
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  /** A version of a feed the server currently serves. */
  private record Version(String etag, String lastModified, byte[] body, String contentType) {}

  /** Serves the current version, answering 304 when the request carries both its validators. */
  private static FeedServer.Responder conditional(AtomicReference<Version> current) {
    return exchange -> {
      Version version = current.get();
      String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
      String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
      exchange.getResponseHeaders().set("ETag", version.etag());
      exchange.getResponseHeaders().set("Last-Modified", version.lastModified());
      if (version.etag().equals(ifNoneMatch) && version.lastModified().equals(ifModifiedSince)) {
        exchange.sendResponseHeaders(304, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", version.contentType());
      FeedServer.send(exchange, 200, version.body(), false);
    };
  }

  private static FeedServer.Responder status(int status) {
    return exchange -> exchange.sendResponseHeaders(status, -1);
  }

  @Nested
  class ConditionalGet {
    @Test
    void firstPollReadsTheItemsAndTheSecondIsNotModified() throws Exception {
      Version heise =
          new Version("\"h1\"", "Wed, 01 May 2024 07:00:00 GMT", fixture("heise.atom"), ATOM);
      server.on("/heise", conditional(new AtomicReference<>(heise)));
      FeedPoller poller = build(poller(feed("/heise")));

      FeedPollResult first = only(poller.pollDue());

      assertThat(first.posts()).hasSize(15).allMatch(post -> post.project().equals("acme"));
      assertThat(first.health().state()).isEqualTo(State.OK);
      assertThat(first.health().itemsFetched()).isEqualTo(15);
      assertThat(first.health().lastSuccess()).isEqualTo(START);
      assertThat(first.health().nextAttempt()).isEqualTo(START.plus(INTERVAL));
      assertThat(listener.posts).hasSize(15);
      assertThat(server.requests("/heise").get(0).header("User-Agent")).startsWith("Cluetrain/");
      assertThat(server.requests("/heise").get(0).header("If-None-Match")).isNull();

      assertThat(poller.pollDue()).as("not due before the interval").isEmpty();
      clock.advance(INTERVAL);
      FeedPollResult second = only(poller.pollDue());

      FeedServer.Request conditional = server.requests("/heise").get(1);
      assertThat(conditional.header("If-None-Match")).isEqualTo("\"h1\"");
      assertThat(conditional.header("If-Modified-Since"))
          .isEqualTo("Wed, 01 May 2024 07:00:00 GMT");
      assertThat(second.posts()).isEmpty();
      assertThat(second.health().state()).isEqualTo(State.OK);
      assertThat(second.health().itemsFetched()).isEqualTo(15);
      assertThat(second.health().nextAttempt()).isEqualTo(START.plus(INTERVAL).plus(INTERVAL));
      assertThat(listener.deliveries).as("a 304 delivers nothing").isEqualTo(1);
      assertThat(listener.health).hasSize(2);
    }

    @Test
    void aChangedFeedDeliversItsNewItems() throws Exception {
      AtomicReference<Version> current =
          new AtomicReference<>(
              new Version(
                  "\"g\"", "Wed, 01 May 2024 07:00:00 GMT", fixture("gulp-atom.atom"), ATOM));
      server.on("/changing", conditional(current));
      FeedPoller poller = build(poller(feed("/changing")));
      assertThat(only(poller.pollDue()).posts()).hasSize(10);

      current.set(
          new Version("\"h\"", "Wed, 01 May 2024 08:00:30 GMT", fixture("heise.atom"), ATOM));
      clock.advance(INTERVAL);
      FeedPollResult changed = only(poller.pollDue());

      assertThat(changed.posts()).hasSize(15);
      assertThat(changed.posts()).extracting(Post::url).allMatch(url -> url.contains("heise.de"));
      assertThat(changed.health().itemsFetched()).isEqualTo(25);
      assertThat(poller.states().get(0).etag()).isEqualTo("\"h\"");
    }

    @Test
    void persistedStatesLetARestartContinueWithoutRefetching() throws Exception {
      Version heise =
          new Version("\"h1\"", "Wed, 01 May 2024 07:00:00 GMT", fixture("heise.atom"), ATOM);
      server.on("/heise", conditional(new AtomicReference<>(heise)));
      FeedPoller before = build(poller(feed("/heise")));
      before.pollDue();
      List<FeedState> saved = before.states();
      before.close();

      FeedPoller after = build(poller(feed("/heise")).initialStates(saved));
      assertThat(after.pollDue()).as("the saved next attempt is respected").isEmpty();
      clock.advance(INTERVAL);
      FeedPollResult resumed = only(after.pollDue());

      assertThat(server.requests("/heise").get(1).header("If-None-Match")).isEqualTo("\"h1\"");
      assertThat(resumed.posts()).isEmpty();
      assertThat(resumed.health().itemsFetched()).isEqualTo(15);
    }

    @Test
    void aPermanentRedirectIsFollowedAndRecordedOnce() throws Exception {
      server.on(
          "/old",
          exchange -> {
            exchange.getResponseHeaders().set("Location", server.url("/new"));
            exchange.sendResponseHeaders(301, -1);
          });
      server.on("/new", exchange -> FeedServer.send(exchange, 200, fixture("narro.rss"), false));
      FeedPoller poller = build(poller(feed("/old")));

      FeedPollResult moved = only(poller.pollDue());
      clock.advance(INTERVAL);
      FeedPollResult again = only(poller.pollDue());

      assertThat(moved.posts()).hasSize(1);
      assertThat(moved.health().gaps())
          .containsExactly(
              START + ": moved permanently: " + server.url("/old") + " → " + server.url("/new"));
      assertThat(again.health().gaps()).isEqualTo(moved.health().gaps());
    }

    @Test
    void aGzippedFeedIsRead() throws Exception {
      server.on(
          "/gzip",
          exchange -> {
            assertThat(exchange.getRequestHeaders().getFirst("Accept-Encoding")).contains("gzip");
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            FeedServer.send(exchange, 200, FeedServer.gzip(fixture("guardian.rss")), false);
          });
      FeedPoller poller = build(poller(feed("/gzip")));

      assertThat(only(poller.pollDue()).posts()).hasSize(55);
    }
  }

  @Nested
  class Failures {
    @Test
    void aSlowServerIsUnreachableAndBackedOff() throws Exception {
      server.on(
          "/slow",
          exchange -> {
            Thread.sleep(2_000);
            FeedServer.send(exchange, 200, fixture("narro.rss"), false);
          });
      FeedPoller poller = build(poller(feed("/slow")).requestTimeout(Duration.ofMillis(300)));

      SourceHealth health = only(poller.pollDue()).health();

      assertThat(health.state()).isEqualTo(State.UNREACHABLE);
      assertThat(health.lastError())
          .isEqualTo("unreachable: " + server.url("/slow") + " (timed out after 300 ms)");
      assertThat(health.nextAttempt()).isEqualTo(START.plus(INTERVAL.multipliedBy(2)));
      assertThat(health.gaps()).containsExactly(START + ": " + health.lastError());
    }

    @Test
    void aFailingServerIsBackedOffMoreWithEveryFailureUpToTheCap() throws Exception {
      AtomicReference<Integer> status = new AtomicReference<>(500);
      server.on(
          "/flaky",
          exchange -> {
            if (status.get() == 200) {
              FeedServer.send(exchange, 200, fixture("narro.rss"), false);
            } else {
              exchange.sendResponseHeaders(status.get(), -1);
            }
          });
      FeedPoller poller = build(poller(feed("/flaky")).maxBackoff(Duration.ofMinutes(10)));

      List<Duration> waits = new ArrayList<>();
      SourceHealth health = null;
      for (int attempt = 0; attempt < 5; attempt++) {
        health = only(poller.pollDue()).health();
        waits.add(Duration.between(clock.instant(), health.nextAttempt()));
        clock.set(health.nextAttempt());
      }

      assertThat(waits)
          .containsExactly(
              Duration.ofMinutes(2),
              Duration.ofMinutes(4),
              Duration.ofMinutes(8),
              Duration.ofMinutes(10),
              Duration.ofMinutes(10));
      assertThat(health.state()).isEqualTo(State.FAILING);
      assertThat(health.consecutiveFailures()).isEqualTo(5);
      assertThat(health.lastError())
          .isEqualTo("failing: " + server.url("/flaky") + " (HTTP 500 Internal Server Error)");
      assertThat(health.gaps()).hasSize(5);

      status.set(200);
      SourceHealth recovered = only(poller.pollDue()).health();
      assertThat(recovered.state()).isEqualTo(State.OK);
      assertThat(recovered.consecutiveFailures()).isZero();
      assertThat(recovered.nextAttempt()).isEqualTo(clock.instant().plus(INTERVAL));
    }

    @ParameterizedTest(name = "Retry-After as {0}")
    @ValueSource(strings = {"seconds", "HTTP-date"})
    void aRateLimitIsHonouredAndRecordedAsAGap(String form) throws Exception {
      Instant until = START.plus(Duration.ofHours(2));
      String retryAfter =
          form.equals("seconds")
              ? "7200"
              : DateTimeFormatter.RFC_1123_DATE_TIME.format(until.atOffset(ZoneOffset.UTC));
      server.on(
          "/limited",
          exchange -> {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
            exchange.sendResponseHeaders(429, -1);
          });
      FeedPoller poller = build(poller(feed("/limited")));

      SourceHealth health = only(poller.pollDue()).health();

      assertThat(health.state()).isEqualTo(State.FAILING);
      assertThat(health.nextAttempt()).isEqualTo(until);
      assertThat(health.gaps()).containsExactly(START + ": rate limited by host until " + until);
      assertThat(health.lastError()).contains("HTTP 429 Too Many Requests");
      clock.set(until.minusSeconds(1));
      assertThat(poller.pollDue()).isEmpty();
      assertThat(server.requests("/limited")).hasSize(1);
    }

    @Test
    void aRateLimitHoldsBackTheHostsOtherFeedsToo() throws Exception {
      Instant until = START.plus(Duration.ofHours(2));
      AtomicBoolean overloaded = new AtomicBoolean(true);
      server.on(
          "/limited",
          exchange -> {
            if (overloaded.getAndSet(false)) {
              exchange.getResponseHeaders().set("Retry-After", "7200");
              exchange.sendResponseHeaders(503, -1);
            } else {
              FeedServer.send(exchange, 200, fixture("heraldsun.rss"), false);
            }
          });
      server.on("/other", exchange -> FeedServer.send(exchange, 200, fixture("narro.rss"), false));
      FeedPoller poller = build(poller(feed("/limited"), feed("/other")));

      List<FeedPollResult> results = poller.pollDue();

      assertThat(server.requests("/other")).isEmpty();
      SourceHealth held = results.get(1).health();
      assertThat(held.state()).isEqualTo(State.PENDING);
      assertThat(held.nextAttempt()).isEqualTo(until);
      assertThat(held.gaps()).containsExactly(START + ": rate limited by host until " + until);
      clock.set(until);
      assertThat(poller.pollDue()).hasSize(2);
      assertThat(server.requests("/other")).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsUnreachable() throws Exception {
      int closedPort;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        closedPort = socket.getLocalPort();
      }
      String url = "http://127.0.0.1:" + closedPort + "/feed";
      FeedPoller poller = build(poller(FeedSubscription.of("feed:closed", "acme", url, INTERVAL)));

      SourceHealth health = only(poller.pollDue()).health();

      assertThat(health.state()).isEqualTo(State.UNREACHABLE);
      assertThat(health.lastError()).isEqualTo("unreachable: " + url + " (connection refused)");
      assertThat(health.nextAttempt()).isEqualTo(START.plus(INTERVAL.multipliedBy(2)));
    }

    @Test
    void contentThatIsNotAFeedIsFailingWithTheReadersReason() throws Exception {
      server.on(
          "/moved-page",
          exchange -> FeedServer.send(exchange, 200, fixture("unrecognized.rss"), false));
      FeedPoller poller = build(poller(feed("/moved-page")));

      FeedPollResult result = only(poller.pollDue());

      assertThat(result.health().state()).isEqualTo(State.FAILING);
      assertThat(result.health().lastError())
          .startsWith("failing: " + server.url("/moved-page") + " (cannot read the content: ")
          .contains("format not recognised");
      assertThat(listener.deliveries).isZero();
    }

    @Test
    void aFeedWithSomeBadItemsCountsBoth() throws Exception {
      // a real feed with the item of another real feed that has neither title nor text
      String feed = new String(fixture("heise.atom"), StandardCharsets.UTF_8);
      String broken = new String(fixture("missing-fields.atom"), StandardCharsets.UTF_8);
      String badEntry =
          broken.substring(
              broken.indexOf("<entry>"), broken.indexOf("</entry>") + "</entry>".length());
      int end = feed.lastIndexOf("</feed>");
      byte[] mixed =
          (feed.substring(0, end) + badEntry + feed.substring(end))
              .getBytes(StandardCharsets.UTF_8);
      server.on("/mixed", exchange -> FeedServer.send(exchange, 200, mixed, false));
      FeedPoller poller = build(poller(feed("/mixed")));

      FeedPollResult result = only(poller.pollDue());

      assertThat(result.posts()).hasSize(15);
      assertThat(result.problems()).hasSize(1);
      assertThat(result.health().state()).isEqualTo(State.OK);
      assertThat(result.health().itemsFetched()).isEqualTo(15);
      assertThat(result.health().itemsUnparseable()).isEqualTo(1);
      assertThat(listener.problems).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"declared length", "chunked", "gzip"})
    void anOversizedBodyIsAClearError(String how) throws Exception {
      byte[] big = fixture("giantbomb-podcast.rss");
      server.on(
          "/big",
          exchange -> {
            if (how.equals("gzip")) {
              exchange.getResponseHeaders().set("Content-Encoding", "gzip");
              FeedServer.send(exchange, 200, FeedServer.gzip(big), false);
            } else {
              FeedServer.send(exchange, 200, big, how.equals("chunked"));
            }
          });
      // the gzipped podcast is far below the limit, what it inflates to is not
      FeedPoller poller = build(poller(feed("/big")).maxBodyBytes(512 * 1024));

      SourceHealth health = only(poller.pollDue()).health();

      assertThat(health.state()).isEqualTo(State.FAILING);
      assertThat(health.lastError())
          .isEqualTo(
              "failing: " + server.url("/big") + " (response body larger than the 512 KB limit)");
    }

    @Test
    void aListenerThatRefusesItemsGetsThemAgainNextTime() throws Exception {
      Version heise =
          new Version("\"h1\"", "Wed, 01 May 2024 07:00:00 GMT", fixture("heise.atom"), ATOM);
      server.on("/heise", conditional(new AtomicReference<>(heise)));
      FeedPoller poller = build(poller(feed("/heise")));
      listener.refuseItemsWith = new IllegalStateException("pipeline full");
      listener.refuseHealthWith = new IllegalStateException("store down");

      SourceHealth refused = only(poller.pollDue()).health();
      assertThat(refused.state()).isEqualTo(State.FAILING);
      assertThat(refused.lastError()).contains("could not be delivered").contains("pipeline full");

      listener.refuseItemsWith = null;
      listener.refuseHealthWith = null;
      clock.set(refused.nextAttempt());
      FeedPollResult again = only(poller.pollDue());

      assertThat(server.requests("/heise").get(1).header("If-None-Match")).isNull();
      assertThat(again.posts()).hasSize(15);
      assertThat(listener.posts).hasSize(15);
    }
  }

  @Nested
  class Politeness {
    @Test
    void feedsOfOneHostAreFetchedOneAtATimeWithAPauseBetween() throws Exception {
      Duration pause = Duration.ofMillis(150);
      FeedServer.Responder slowish =
          exchange -> {
            Thread.sleep(50);
            FeedServer.send(exchange, 200, fixture("narro.rss"), false);
          };
      server.on("/a", slowish).on("/b", slowish).on("/c", slowish);
      FeedPoller poller = build(poller(feed("/a"), feed("/b"), feed("/c")).hostDelay(pause));

      assertThat(poller.pollDue()).hasSize(3);

      List<FeedServer.Visit> visits = server.visits();
      assertThat(visits).hasSize(3);
      assertThat(server.mostInFlight()).isEqualTo(1);
      for (int i = 1; i < visits.size(); i++) {
        long gap = visits.get(i).startNanos() - visits.get(i - 1).endNanos();
        assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(pause);
      }
    }
  }

  @Nested
  class Lifecycle {
    @Test
    void startPollsInTheBackgroundUntilClosed() throws Exception {
      server.on("/narro", exchange -> FeedServer.send(exchange, 200, fixture("narro.rss"), false));
      FeedPoller poller = build(poller(feed("/narro")).checkInterval(Duration.ofMillis(20)));

      poller.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (listener.health.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      poller.close();

      assertThat(listener.posts).hasSize(1);
      assertThat(server.requests("/narro")).as("not due again on the manual clock").hasSize(1);
      assertThatThrownBy(poller::pollDue)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("feed poller is closed");
    }

    @Test
    void startingTwiceIsAnError() {
      FeedPoller poller = build(poller());
      poller.start();
      assertThatThrownBy(poller::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("feed poller was already started");
    }
  }

  @Nested
  class Configuration {
    @Test
    void everyInvalidSettingIsReportedAtOnce() {
      FeedSubscription feed =
          FeedSubscription.of("feed:x", "acme", "https://example.org/feed", INTERVAL);
      FeedPoller.Builder builder =
          FeedPoller.builder(listener)
              .subscribe(feed, feed)
              .hostDelay(Duration.ofSeconds(-1))
              .requestTimeout(Duration.ZERO)
              .maxBodyBytes(0)
              .parallelHosts(0);

      assertThatThrownBy(builder::build)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "feed poller configuration: source id feed:x is declared twice;"
                  + " host delay must not be negative but was PT-1S;"
                  + " request timeout must be positive but was PT0S;"
                  + " maximum body size must be positive but was 0;"
                  + " parallel hosts must be at least 1 but was 0");
    }

    @Test
    void aSubscriptionReportsEveryProblemAtOnce() {
      assertThatThrownBy(
              () ->
                  new FeedSubscription(
                      "feed:x", " ", "ftp://example.org/feed", Duration.ofMillis(5), null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "feed subscription feed:x: project is missing;"
                  + " url 'ftp://example.org/feed' must start with http:// or https://;"
                  + " poll interval must be at least 1 s but was PT0.005S");
    }
  }

  @Nested
  class AddressesRefused {
    private static final String ALLOW_HINT =
        "an admin can allow it in the workspace's network.allow";

    @Test
    void aFeedOnTheLoopbackAddressIsRefusedWithoutConnecting() throws Exception {
      server.on(
          "/admin/users", exchange -> FeedServer.send(exchange, 200, fixture("narro.rss"), false));
      FeedPoller poller = build(poller(feed("/admin/users")).addresses(AddressPolicy.publicOnly()));

      FeedPollResult result = only(poller.pollDue());

      assertThat(result.posts()).isEmpty();
      assertThat(result.health().state()).isEqualTo(State.FAILING);
      assertThat(result.health().lastError())
          .isEqualTo(
              "failing: "
                  + server.url("/admin/users")
                  + " (refused: 127.0.0.1, a loopback address; "
                  + ALLOW_HINT
                  + ")");
      assertThat(server.requests()).isEmpty();
    }

    @Test
    void aHostNameResolvingToLoopbackIsRefusedLikeTheAddress() throws Exception {
      server.on("/feed", exchange -> FeedServer.send(exchange, 200, fixture("narro.rss"), false));
      String url = server.url("/feed").replace("127.0.0.1", "localhost");
      FeedPoller poller =
          build(
              poller(FeedSubscription.of("feed:" + url, "acme", url, INTERVAL))
                  .addresses(AddressPolicy.publicOnly()));

      FeedPollResult result = only(poller.pollDue());

      assertThat(result.health().lastError())
          .startsWith("failing: " + url + " (refused: localhost resolves to ")
          .contains("a loopback address");
      assertThat(server.requests()).isEmpty();
    }

    @Test
    void aRedirectToTheMetadataServiceIsRefusedBeforeConnecting() throws Exception {
      server.on(
          "/hop",
          exchange -> {
            exchange
                .getResponseHeaders()
                .set("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
          });
      FeedPoller poller = build(poller(feed("/hop")));

      FeedPollResult result = only(poller.pollDue());

      assertThat(result.health().lastError())
          .isEqualTo(
              "failing: "
                  + server.url("/hop")
                  + " (refused redirect to http://169.254.169.254/latest/meta-data/:"
                  + " 169.254.169.254, a link-local address; "
                  + ALLOW_HINT
                  + ")");
    }

    @Test
    void aRedirectToAnotherLoopbackPathIsFollowedWhenLoopbackIsAllowed() throws Exception {
      server.on(
          "/hop",
          exchange -> {
            exchange.getResponseHeaders().set("Location", "/feed");
            exchange.sendResponseHeaders(302, -1);
          });
      server.on("/feed", exchange -> FeedServer.send(exchange, 200, fixture("narro.rss"), false));
      FeedPoller poller = build(poller(feed("/hop")));

      FeedPollResult result = only(poller.pollDue());

      assertThat(result.health().state()).isEqualTo(State.OK);
      assertThat(result.posts()).hasSize(1);
    }
  }
}
