package org.cluetrain.web.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.cluetrain.access.Role;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.json.Json;
import org.cluetrain.web.ApiServer;
import org.cluetrain.web.TestWorkspaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert routes over HTTP, on the example workspace. */
class AlertApiTest {
  @TempDir static Path data;
  static EmbeddedRuntime runtime;
  static ApiServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = Json.mapper();
  static String token;

  @BeforeAll
  static void start() throws Exception {
    runtime = TestWorkspaces.openExample(data);
    server = ApiServer.start(runtime, "127.0.0.1", 0, () -> Map.of());
    token = TestWorkspaces.userToken(runtime, "ana", Role.ANALYST, Set.of());
  }

  @AfterAll
  static void stop() {
    server.close();
    runtime.close();
  }

  static HttpResponse<String> send(String method, String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void alertsStartEmptyAndUnknownOnesAreNotFound() throws Exception {
    HttpResponse<String> list = send("GET", "/api/alerts?project=bahn", null);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(list.body()).size()).isZero();
    HttpResponse<String> ack = send("POST", "/api/alerts/nope/ack", "{\"by\": \"ann\"}");
    assertThat(ack.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(ack.body()).get("error").asText()).isEqualTo("no alert with id nope");
    assertThat(send("GET", "/api/alerts?project=zug", null).statusCode()).isEqualTo(404);
  }

  @Test
  void theRulesInForceIncludeTheDefaults() throws Exception {
    JsonNode rules = JSON.readTree(send("GET", "/api/projects/bahn/alerts/rules", null).body());
    assertThat(rules.size()).isEqualTo(4);
    assertThat(rules.get(0).get("detector").asText()).isEqualTo("volume");
    // the project's polled feeds count as news for spill-over
    assertThat(rules.get(3).get("news-sites").toString()).contains("tagesschau.de");
  }

  @Test
  void aBacktestRunsTheRulesInTheBodyAndReportsBadOnesWithTheirLine() throws Exception {
    HttpResponse<String> ok =
        send(
            "POST",
            "/api/projects/bahn/alerts/backtest?since=2000-01-01",
            "[{\"name\": \"marke-volume\", \"detector\": \"volume\", \"query\": \"marke\"}]");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(ok.body());
    assertThat(report.get("posts").asLong()).isPositive();
    assertThat(report.get("rules").get(0).get("name").asText()).isEqualTo("marke-volume");
    assertThat(report.get("alerts").isArray()).isTrue();

    HttpResponse<String> bad =
        send(
            "POST",
            "/api/projects/bahn/alerts/backtest",
            "rules:\n  - name: x\n    detector: volume\n    query: nix\n");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("problems").get(0).asText())
        .isEqualTo(
            "request:4: rule 'x' watches query 'nix', which project bahn does not have; it has"
                + " [marke, service-lob, flixbus]");
  }

  @Test
  void theStatusSaysWhetherTheDetectorsRunLive() throws Exception {
    JsonNode status = JSON.readTree(send("GET", "/api/alerts/status", null).body());
    assertThat(status.get("live").asBoolean()).isFalse();
    assertThat(status.get("rules").asInt()).isEqualTo(8);
  }
}
