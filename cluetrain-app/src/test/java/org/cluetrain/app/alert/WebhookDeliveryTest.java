package org.cluetrain.app.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.connectors.net.AddressPolicy;
import org.cluetrain.jdbc.JdbcStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery to a real HTTP server on the loopback interface. */
class WebhookDeliveryTest {
  private static final AlertDispatcher.Settings FAST =
      new AlertDispatcher.Settings(
          100, Duration.ofMillis(300), Duration.ofMillis(50), Duration.ofMillis(200), 4, 20);

  @TempDir Path dir;
  private HttpServer server;
  private JdbcStorage relational;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private volatile CountDownLatch hold = new CountDownLatch(0);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          try {
            hold.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          boolean fail = failuresLeft.getAndDecrement() > 0;
          byte[] answer = (fail ? "overloaded, try later" : "ok").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(fail ? 503 : 200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    relational = JdbcStorage.openSqlite(dir.resolve("ledger.db"));
  }

  @AfterEach
  void stop() {
    hold.countDown();
    server.stop(0);
    relational.close();
  }

  /** The test server's loopback address, allowed as an admin would in the workspace. */
  private static final AddressPolicy LOOPBACK = AddressPolicy.allowing(List.of("127.0.0.1"));

  private URI hook() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  private AlertDispatcher dispatcher(WebhookNotifier.Payload payload) {
    return new AlertDispatcher(
        List.of(new WebhookNotifier("ops", hook(), payload, HttpClient.newHttpClient(), LOOPBACK)),
        relational.alerts(),
        Clock.systemUTC(),
        FAST);
  }

  @Test
  void aWebhookOnTheLoopbackAddressIsRefusedUnlessAllowed() throws Exception {
    relational.alerts().save(List.of(TestAlerts.alert("a1", "a1")));
    try (AlertDispatcher dispatcher =
        new AlertDispatcher(
            List.of(
                new WebhookNotifier(
                    "ops",
                    hook(),
                    WebhookNotifier.Payload.JSON,
                    HttpClient.newHttpClient(),
                    AddressPolicy.publicOnly())),
            relational.alerts(),
            Clock.systemUTC(),
            FAST)) {
      dispatcher.submit(TestAlerts.alert("a1", "a1"), List.of("ops"));
      await(() -> state("a1") == AlertStore.DeliveryState.FAILED);
      assertThat(dispatcher.status().get(0).lastError())
          .isEqualTo(
              "refused "
                  + hook()
                  + ": 127.0.0.1, a loopback address; an admin can allow it in the workspace's"
                  + " network.allow");
    }
    assertThat(bodies).isEmpty();
  }

  @Test
  void aGenericWebhookGetsTheAlertAsJson() throws Exception {
    relational.alerts().save(List.of(TestAlerts.alert("a1", "a1")));
    try (AlertDispatcher dispatcher = dispatcher(WebhookNotifier.Payload.JSON)) {
      assertThat(dispatcher.submit(TestAlerts.alert("a1", "a1"), List.of("ops"))).isEqualTo(1);
      await(() -> delivered("a1"));
    }
    JsonNode body = AlertJson.mapper().readTree(bodies.get(0));
    JsonNode alert = body.get("alerts").get(0);
    assertThat(alert.get("id").asText()).isEqualTo("a1");
    assertThat(alert.get("detector").asText()).isEqualTo("volume");
    assertThat(alert.get("explanation").get("expected").asDouble()).isEqualTo(2.5);
    assertThat(alert.get("explanation").get("top_terms").get(0).get("term").asText())
        .isEqualTo("recall");
    assertThat(alert.get("text").asText()).startsWith("Posts on acme/brand: 30 in the hour");
  }

  @Test
  void aChatWebhookGetsOnlyText() throws Exception {
    relational.alerts().save(List.of(TestAlerts.alert("a1", "a1")));
    try (AlertDispatcher dispatcher = dispatcher(WebhookNotifier.Payload.CHAT)) {
      dispatcher.submit(TestAlerts.alert("a1", "a1"), List.of("ops"));
      await(() -> delivered("a1"));
    }
    JsonNode body = AlertJson.mapper().readTree(bodies.get(0));
    assertThat(body.size()).isEqualTo(1);
    assertThat(body.get("text").asText())
        .startsWith("Posts on acme/brand")
        .contains("top terms: recall (30, ×300)")
        .contains("worried1: acme battery recall");
  }

  @Test
  void aFailingDestinationIsRetriedWithBackOffAndReported() throws Exception {
    failuresLeft.set(2);
    relational.alerts().save(List.of(TestAlerts.alert("a1", "a1")));
    try (AlertDispatcher dispatcher = dispatcher(WebhookNotifier.Payload.JSON)) {
      dispatcher.submit(TestAlerts.alert("a1", "a1"), List.of("ops"));
      await(() -> delivered("a1"));
      AlertDispatcher.DestinationStatus status = dispatcher.status().get(0);
      assertThat(status.delivered()).isEqualTo(1);
      assertThat(status.consecutiveFailures()).isZero();
      assertThat(status.lastError()).startsWith("HTTP 503 from " + hook());
      assertThat(status.lastError()).endsWith(": overloaded, try later");
    }
    assertThat(bodies).hasSize(3);
    AlertStore.Delivery delivery = relational.alerts().get("a1").orElseThrow().deliveries().get(0);
    assertThat(delivery.attempts()).isEqualTo(3);
    assertThat(delivery.destination()).isEqualTo("ops");
  }

  @Test
  void aDestinationThatNeverAnswersIsGivenUpAfterTheLastAttempt() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    relational.alerts().save(List.of(TestAlerts.alert("a1", "a1")));
    URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/hook");
    try (AlertDispatcher dispatcher =
        new AlertDispatcher(
            List.of(
                new WebhookNotifier(
                    "ops",
                    nowhere,
                    WebhookNotifier.Payload.JSON,
                    HttpClient.newHttpClient(),
                    LOOPBACK)),
            relational.alerts(),
            Clock.systemUTC(),
            FAST)) {
      dispatcher.submit(TestAlerts.alert("a1", "a1"), List.of("ops"));
      await(() -> state("a1") == AlertStore.DeliveryState.FAILED);
      AlertDispatcher.DestinationStatus status = dispatcher.status().get(0);
      assertThat(status.failed()).isEqualTo(1);
      assertThat(status.consecutiveFailures()).isEqualTo(4);
      assertThat(status.lastError()).startsWith("cannot reach " + nowhere);
      assertThat(status.nextAttempt()).isNotNull();
    }
    assertThat(relational.alerts().get("a1").orElseThrow().deliveries().get(0).attempts())
        .isEqualTo(4);
  }

  @Test
  void alertsArrivingWhileThrottledGoOutAsOneMessage() throws Exception {
    try (AlertDispatcher dispatcher = dispatcher(WebhookNotifier.Payload.JSON)) {
      for (int i = 0; i < 6; i++) {
        relational.alerts().save(List.of(TestAlerts.alert("a" + i, "a0")));
        dispatcher.submit(TestAlerts.alert("a" + i, "a0"), List.of("ops"));
      }
      await(() -> dispatcher.status().get(0).delivered() == 6);
      // a flood of six alerts: the first message, then everything else in at most one more
      assertThat(dispatcher.status().get(0).messages()).isBetween(1L, 2L);
    }
  }

  @Test
  void submittingNeverWaitsForASlowDestination() throws Exception {
    hold = new CountDownLatch(1); // the server takes the first request and does not answer
    AlertDispatcher.Settings tiny =
        new AlertDispatcher.Settings(
            1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10), 2, 20);
    try (AlertDispatcher dispatcher =
        new AlertDispatcher(
            List.of(
                new WebhookNotifier(
                    "ops",
                    hook(),
                    WebhookNotifier.Payload.JSON,
                    HttpClient.newHttpClient(),
                    LOOPBACK)),
            relational.alerts(),
            Clock.systemUTC(),
            tiny)) {
      dispatcher.submit(TestAlerts.alert("a0", "a0"), List.of("ops"));
      await(() -> dispatcher.status().get(0).waiting() == 1 && bodies.isEmpty());
      // the lane is stuck in the first request; its queue holds one more, the rest are dropped
      int queued = 0;
      for (int i = 1; i <= 5; i++) {
        queued += dispatcher.submit(TestAlerts.alert("a" + i, "a0"), List.of("ops"));
      }
      assertThat(queued).isBetween(0, 1);
      assertThat(dispatcher.status().get(0).dropped()).isEqualTo(5 - queued);
      assertThat(dispatcher.submit(TestAlerts.alert("x", "x"), List.of("nobody"))).isZero();
      hold.countDown();
    }
  }

  private boolean delivered(String id) {
    return state(id) == AlertStore.DeliveryState.DELIVERED;
  }

  private AlertStore.DeliveryState state(String id) {
    return relational
        .alerts()
        .get(id)
        .flatMap(a -> a.deliveries().stream().findFirst())
        .map(AlertStore.Delivery::state)
        .orElse(null);
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the condition did not become true within 20 s");
      }
      Thread.sleep(20);
    }
  }
}
