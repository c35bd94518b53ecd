package org.cluetrain.app.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cluetrain.alert.Alert;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.ingest.FileImporter;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.detect.DetectorKind;
import org.cluetrain.formats.Formats;
import org.cluetrain.testkit.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The detectors on the live pipeline, as {@code serve} runs them: posts stored, alert raised,
 * stored and posted to a webhook; after a restart the same posts raise nothing twice.
 */
class LiveAlertsTest {
  private static final AlertDispatcher.Settings FAST =
      new AlertDispatcher.Settings(
          100, Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(200), 4, 20);

  @TempDir Path dir;
  private HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private Workspace workspace() throws Exception {
    return WorkspaceReader.read(
        Files.writeString(
            dir.resolve("cluetrain.yaml"),
            """
            languages: [en, de]
            network:
              allow: [127.0.0.1]
            projects:
              - name: acme
                queries:
                  - name: brand
                    query: acme
                alerts:
                  destinations:
                    - name: ops
                      webhook: http://127.0.0.1:%d/hook
            """
                .formatted(server.getAddress().getPort())));
  }

  @Test
  void aBurstRaisesAnAlertThatIsStoredAndPostedOnceAcrossARestart() throws Exception {
    Path history = AlertFixture.write(dir.resolve("history.csv"), AlertFixture.history());
    Path burst = AlertFixture.write(dir.resolve("burst.csv"), AlertFixture.burst());
    Workspace workspace = workspace();
    ManualClock clock = new ManualClock(AlertFixture.BURST.plus(Duration.ofMinutes(45)));
    Path data = dir.resolve("data");
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      FileImporter importer = new FileImporter(runtime.pipeline(), Formats.standard());
      importer.importFile(history, "acme", "auto");
      runtime.alerts().startLive(runtime.pipeline(), clock, FAST, name -> null);
      assertThat(runtime.alerts().store().list("acme", false, 10)).isEmpty();

      importer.importFile(burst, "acme", "auto");
      List<AlertStore.StoredAlert> raised = runtime.alerts().store().list("acme", false, 10);
      assertThat(raised)
          .extracting(s -> s.alert().detector())
          .contains(DetectorKind.VOLUME, DetectorKind.NEW_VOICES);
      Alert volume =
          raised.stream()
              .map(AlertStore.StoredAlert::alert)
              .filter(a -> a.detector() == DetectorKind.VOLUME)
              .findFirst()
              .orElseThrow();
      assertThat(volume.raisedAt()).isEqualTo(clock.instant());
      assertThat(volume.explanation().topTerms())
          .extracting(t -> t.term())
          .contains("battery", "recall");
      WebhookDeliveryTest.await(() -> bodies.size() >= 1);
      assertThat(String.join("\n", bodies)).contains(volume.id());
      WebhookDeliveryTest.await(
          () ->
              runtime.alerts().store().get(volume.id()).orElseThrow().deliveries().stream()
                  .anyMatch(d -> d.state() == AlertStore.DeliveryState.DELIVERED));
      assertThat(runtime.alerts().status()).containsEntry("live", true);
    }
    int posted = bodies.size();
    int stored;
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      stored = runtime.alerts().store().list("acme", false, 10).size();
      runtime.alerts().startLive(runtime.pipeline(), clock, FAST, name -> null);
      // the same burst again (a re-import, an overlapping poll): already stored, raises nothing
      new FileImporter(runtime.pipeline(), Formats.standard()).importFile(burst, "acme", "auto");
      assertThat(runtime.alerts().store().list("acme", false, 10)).hasSize(stored);
    }
    assertThat(bodies).hasSize(posted);
  }

  @Test
  void theBacktestFindsTheBurstAndNothingInTheQuietDays() throws Exception {
    Path history = AlertFixture.write(dir.resolve("history.csv"), AlertFixture.history());
    Path burst = AlertFixture.write(dir.resolve("burst.csv"), AlertFixture.burst());
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(dir.resolve("data"), workspace())) {
      FileImporter importer = new FileImporter(runtime.pipeline(), Formats.standard());
      importer.importFile(history, "acme", "auto");
      importer.importFile(burst, "acme", "auto");
      BacktestReport report = runtime.alerts().backtest("acme", null, null, null);
      assertThat(report.posts()).isEqualTo(AlertFixture.history().size() + 30);
      assertThat(report.alerts()).isNotEmpty();
      assertThat(report.alerts())
          .allSatisfy(
              a ->
                  assertThat(a.at())
                      .isBetween(AlertFixture.BURST, AlertFixture.BURST.plus(Duration.ofHours(1))));
      // nothing was stored or sent: a backtest only looks
      assertThat(runtime.alerts().store().list(null, false, 10)).isEmpty();
    }
  }
}
