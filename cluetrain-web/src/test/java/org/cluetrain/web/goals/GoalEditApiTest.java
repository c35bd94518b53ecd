package org.cluetrain.web.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cluetrain.access.Role;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.audit.AuditQuery;
import org.cluetrain.json.Json;
import org.cluetrain.web.ApiServer;
import org.cluetrain.web.TestWorkspaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Goals created and changed over HTTP: analysts may, viewers may not, and history is kept. */
class GoalEditApiTest {
  @TempDir Path data;
  EmbeddedRuntime runtime;
  ApiServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = Json.mapper();
  String viewerToken;
  String analystToken;

  @BeforeEach
  void start() throws Exception {
    Workspace workspace = TestWorkspaces.example(List.of("nordlicht"));
    runtime = EmbeddedRuntime.open(data, workspace);
    server = ApiServer.start(runtime, "127.0.0.1", 0, () -> Map.of());
    runtime.access().addUser("vera", Role.VIEWER, "viewer secret 12345", Set.of("nordlicht"));
    runtime.access().addUser("anna", Role.ANALYST, "analyst secret 123", Set.of("nordlicht"));
    viewerToken = runtime.access().createToken("vera", "goal tests");
    analystToken = runtime.access().createToken("anna", "goal tests");
  }

  @AfterEach
  void stop() {
    server.close();
    runtime.close();
  }

  HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + token);
    request =
        body == null
            ? request.method(method, HttpRequest.BodyPublishers.noBody())
            : request
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  @Test
  void anAnalystCreatesAGoalThenChangesItAndBothVersionsAreItsHistory() throws Exception {
    JsonNode created =
        json(
            send(
                "POST",
                "/api/projects/nordlicht/goals",
                analystToken,
                """
                {"name": "mehr-erwaehnungen", "kpi": "mention_volume", "baseline": "2026-10",
                 "target": 400, "horizon": "2026-11-01..2027-02-28", "owner": "marketing",
                 "check_in": "monthly"}
                """),
            201);
    assertThat(created.path("origin").asText()).isEqualTo("edited");
    assertThat(created.path("target").asDouble()).isEqualTo(400);
    assertThat(created.path("history").size()).isEqualTo(1);

    JsonNode changed =
        json(
            send(
                "PUT",
                "/api/projects/nordlicht/goals/mehr-erwaehnungen",
                analystToken,
                """
                {"kpi": "mention_volume", "baseline": "2026-10", "target": "500",
                 "horizon": "2026-11-01..2027-02-28", "owner": "marketing",
                 "check_in": "monthly"}
                """),
            200);
    assertThat(changed.path("target").asDouble()).isEqualTo(500);
    JsonNode history =
        json(send("GET", "/api/projects/nordlicht/goals/mehr-erwaehnungen", viewerToken, null), 200)
            .path("history");
    assertThat(history.size()).isEqualTo(2);
    assertThat(history.get(0).path("version").asInt()).isEqualTo(2);
    assertThat(history.get(0).path("edited_by").asText()).isEqualTo("anna");
    assertThat(history.get(0).path("changed").toString()).isEqualTo("[\"target\"]");
    assertThat(history.get(1).path("version").asInt()).isEqualTo(1);

    assertThat(
            json(send("GET", "/api/projects/nordlicht/goals", viewerToken, null), 200)
                .path("goals")
                .findValuesAsText("name"))
        .containsExactly("weniger-beschwerden", "mehr-stimmen", "mehr-erwaehnungen");
    assertThat(runtime.audit().find(AuditQuery.all(50)))
        .extracting(e -> e.event().actor(), e -> e.event().target(), e -> e.event().detail())
        .contains(
            tuple("anna", "nordlicht/mehr-erwaehnungen", "goal added"),
            tuple("anna", "nordlicht/mehr-erwaehnungen", "goal changed"));
  }

  @Test
  void changingTheWorkspacesGoalReplacesItAndMarksItsOrigin() throws Exception {
    JsonNode before =
        json(
            send("GET", "/api/projects/nordlicht/goals/weniger-beschwerden", viewerToken, null),
            200);
    assertThat(before.path("origin").asText()).isEqualTo("workspace");
    assertThat(before.path("history").size()).isZero();
    JsonNode changed =
        json(
            send(
                "PUT",
                "/api/projects/nordlicht/goals/weniger-beschwerden",
                analystToken,
                """
                {"kpi": "negative_share", "baseline": "2026-10-12..2026-10-25",
                 "target": "12,5 %", "horizon": "2026-10-26..2027-03-28",
                 "owner": "kundenservice", "check_in": "weekly"}
                """),
            200);
    assertThat(changed.path("origin").asText()).isEqualTo("edited_over_workspace");
    assertThat(changed.path("target").asDouble()).isEqualTo(0.125);
    assertThat(changed.path("history").get(0).path("changed").toString())
        .as("the first version against the file's goal")
        .isEqualTo("[\"target\"]");
  }

  @Test
  void aViewerIsRefused() throws Exception {
    String body =
        """
        {"name": "x", "kpi": "mention_volume", "baseline": "2026-10", "target": 1,
         "horizon": "2027"}
        """;
    assertThat(send("POST", "/api/projects/nordlicht/goals", viewerToken, body).statusCode())
        .isEqualTo(403);
    assertThat(
            send("PUT", "/api/projects/nordlicht/goals/weniger-beschwerden", viewerToken, body)
                .statusCode())
        .isEqualTo(403);
    assertThat(runtime.goals().history("nordlicht", "weniger-beschwerden")).isEmpty();
    assertThat(runtime.goals().find("nordlicht", "x")).isEmpty();
  }

  @Test
  void aBadTargetIsRefusedNamingTheFieldAndTheValue() throws Exception {
    JsonNode refused =
        json(
            send(
                "PUT",
                "/api/projects/nordlicht/goals/weniger-beschwerden",
                analystToken,
                """
                {"kpi": "negative_share", "baseline": "2026-Q3", "target": "viel weniger",
                 "horizon": "2027"}
                """),
            400);
    assertThat(refused.path("field").asText()).isEqualTo("target");
    assertThat(refused.path("value").asText()).isEqualTo("viel weniger");
    assertThat(refused.path("error").asText()).isEqualTo("target 'viel weniger' is not a number");
    JsonNode share =
        json(
            send(
                "PUT",
                "/api/projects/nordlicht/goals/weniger-beschwerden",
                analystToken,
                """
                {"kpi": "negative_share", "baseline": "2026-Q3", "target": "15",
                 "horizon": "2026..2025"}
                """),
            400);
    assertThat(share.path("errors").findValuesAsText("field")).containsExactly("horizon", "target");
    assertThat(runtime.goals().history("nordlicht", "weniger-beschwerden")).isEmpty();
  }

  @Test
  void aSecondGoalOfTheSameNameIsAConflictAndAnUnknownGoalCannotBeChanged() throws Exception {
    String body =
        """
        {"name": "weniger-beschwerden", "kpi": "mention_volume", "baseline": "2026-10",
         "target": 1, "horizon": "2027"}
        """;
    assertThat(send("POST", "/api/projects/nordlicht/goals", analystToken, body).statusCode())
        .isEqualTo(409);
    assertThat(
            send("PUT", "/api/projects/nordlicht/goals/reichweite", analystToken, body)
                .statusCode())
        .isEqualTo(404);
  }
}
