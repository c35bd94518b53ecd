package org.cluetrain.web.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cluetrain.access.Role;
import org.cluetrain.alert.Alert;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.alert.Explanation;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.detect.DetectorKind;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.web.ApiServer;
import org.cluetrain.web.TestWorkspaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alerts page over HTTP, on the example workspace. */
class AlertPagesTest {
  @TempDir static Path data;
  static EmbeddedRuntime runtime;
  static ApiServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static String analyst;
  static String viewer;

  @BeforeAll
  static void start() throws Exception {
    runtime = TestWorkspaces.openExample(data);
    server = ApiServer.start(runtime, "127.0.0.1", 0, Map::of);
    analyst = TestWorkspaces.userToken(runtime, "ana", Role.ANALYST, Set.of());
    viewer = TestWorkspaces.userToken(runtime, "vera", Role.VIEWER, Set.of());
  }

  @AfterAll
  static void stop() {
    server.close();
    runtime.close();
  }

  static HttpResponse<String> get(String path, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept-Language", "en")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String path, String token, Map<String, String> form)
      throws Exception {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept-Language", "en")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aProjectWithoutAlertsSaysSoAndShowsItsRulesAsYaml() throws Exception {
    HttpResponse<String> page = get("/p/bahn/alerts", viewer);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("No alerts yet.").contains("Rules in force");
    // the rules in force, in the workspace's format, read back to the same rules
    String yaml = AlertPages.yaml(runtime.alerts().rules("bahn"));
    assertThat(WorkspaceReader.alertRules("page", yaml, runtime.workspace(), "bahn"))
        .isEqualTo(runtime.alerts().rules("bahn"));
    // a viewer may read the rules but gets no form
    assertThat(page.body()).doesNotContain("backtest-form");
    assertThat(get("/p/bahn/alerts", analyst).body())
        .contains("backtest-form")
        .contains("detector: negative-share");
  }

  @Test
  void aStoredAlertIsListedWithItsExplanationAndCanBeAcknowledged() throws Exception {
    String postId =
        runtime
            .store()
            .search(new SearchRequest("", "airlines", null, null, 1))
            .posts()
            .get(0)
            .post()
            .id();
    Instant end = Instant.parse("2024-05-02T10:00:00Z");
    Alert alert =
        new Alert(
            "a1b2c3d4e5f60718",
            "airlines",
            "complaints-volume",
            DetectorKind.VOLUME,
            "airlines/complaints",
            null,
            null,
            Instant.parse("2024-05-02T10:01:00Z"),
            new Explanation(
                "34 posts on complaints in the hour, 6 expected",
                34,
                6.2,
                "posts",
                end.minusSeconds(3600),
                end,
                end.minusSeconds(28 * 86_400),
                end.minusSeconds(3600),
                "hourly level 6.2 with weekday seasonality",
                "negative binomial (dispersion 0.05)",
                1e-9,
                9.0,
                List.of(new Explanation.TermCount("luggage", 21, 7.5)),
                List.of(new Explanation.SourceCount("mastodon.social", 30)),
                List.of(
                    new Explanation.ExamplePost(
                        postId,
                        end.minusSeconds(600),
                        "mastodon.social",
                        "jo",
                        "Where is my bag?")),
                null));
    runtime.alerts().store().save(List.of(alert));
    runtime
        .alerts()
        .store()
        .recordDelivery(
            new AlertStore.Delivery(
                alert.id(), "team", AlertStore.DeliveryState.FAILED, 2, "connection refused", end));

    String body = get("/p/airlines/alerts?open=true", viewer).body();
    assertThat(body)
        .contains("id=\"alert-a1b2c3d4e5f60718\"")
        .contains("34 posts on complaints in the hour")
        .contains("/p/airlines/mentions?query=complaints&amp;q=luggage")
        .contains("mastodon.social · 30")
        .contains("connection refused")
        .contains("/threads/")
        .doesNotContain("Acknowledge</button>");

    // a viewer may neither acknowledge nor backtest
    assertThat(post("/p/airlines/alerts/" + alert.id() + "/ack", viewer, Map.of()).statusCode())
        .isEqualTo(403);
    assertThat(post("/p/airlines/alerts/backtest", viewer, Map.of("rules", "[]")).statusCode())
        .isEqualTo(403);
    assertThat(runtime.alerts().store().get(alert.id()).orElseThrow().acknowledged()).isFalse();

    assertThat(get("/p/airlines/alerts", analyst).body()).contains("Acknowledge</button>");
    HttpResponse<String> ack =
        post("/p/airlines/alerts/" + alert.id() + "/ack", analyst, Map.of("open", "true"));
    assertThat(ack.statusCode()).isEqualTo(302);
    assertThat(ack.headers().firstValue("Location"))
        .hasValue("/p/airlines/alerts?open=true#alert-" + alert.id());
    assertThat(runtime.alerts().store().get(alert.id()).orElseThrow().acknowledgedBy())
        .isEqualTo("ana");
    assertThat(get("/p/airlines/alerts", viewer).body()).contains("Acknowledged by ana");
    assertThat(get("/p/airlines/alerts?open=true", viewer).body())
        .contains("No open alerts")
        .doesNotContain("alert-a1b2c3d4e5f60718");
    // an alert of another project is not found under this one
    assertThat(post("/p/bahn/alerts/" + alert.id() + "/ack", analyst, Map.of()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void aBacktestShowsWhatWouldHaveFiredOrTheRuleErrorsInPlace() throws Exception {
    HttpResponse<String> bad =
        post(
            "/p/bahn/alerts/backtest",
            analyst,
            Map.of("rules", "rules:\n  - name: x\n    detector: volume\n    query: nix\n"));
    assertThat(bad.statusCode()).isEqualTo(200);
    assertThat(bad.body())
        .contains("rule-problems")
        .contains("rules:4: rule 'x' watches query 'nix'")
        .contains("query: nix")
        .doesNotContain("backtest-result");

    HttpResponse<String> badTime =
        post(
            "/p/bahn/alerts/backtest",
            analyst,
            Map.of("rules", AlertPages.yaml(runtime.alerts().rules("bahn")), "since", "gestern"));
    assertThat(badTime.body()).contains("'gestern' is not a time");

    HttpResponse<String> ok =
        post(
            "/p/bahn/alerts/backtest",
            analyst,
            Map.of(
                "rules",
                "rules:\n  - name: marke-volume\n    detector: volume\n    query: marke\n",
                "since",
                "2000-01-01"));
    assertThat(ok.statusCode()).isEqualTo(200);
    long posts =
        runtime
            .alerts()
            .backtest(
                "bahn",
                Instant.parse("2000-01-01T00:00:00Z"),
                null,
                WorkspaceReader.alertRules(
                    "t",
                    "[{name: marke-volume, detector: volume, query: marke}]",
                    runtime.workspace(),
                    "bahn"))
            .posts();
    assertThat(posts).isPositive();
    assertThat(ok.body())
        .contains("backtest-result")
        .contains(" from " + posts + " replayed posts");
    // the workspace's rules are untouched
    assertThat(runtime.alerts().rules("bahn")).hasSize(4);
  }
}
