package org.cluetrain.web.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import org.cluetrain.app.ingest.FileImporter;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.formats.Formats;
import org.cluetrain.json.Json;
import org.cluetrain.web.ApiServer;
import org.cluetrain.web.TestWorkspaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Goals over HTTP on the example workspace, for whoever may see the project. */
class GoalApiTest {
  @TempDir static Path data;
  static EmbeddedRuntime runtime;
  static ApiServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = Json.mapper();
  static String viewerToken;
  static String airlinesToken;

  @BeforeAll
  static void start() throws Exception {
    Workspace workspace = TestWorkspaces.example(List.of("nordlicht", "airlines"));
    runtime = EmbeddedRuntime.open(data, workspace);
    new FileImporter(runtime.pipeline(), Formats.standard())
        .importWorkspace(workspace, (project, report) -> {});
    server = ApiServer.start(runtime, "127.0.0.1", 0, () -> Map.of());
    runtime.access().addUser("vera", Role.VIEWER, "viewer secret 12345", Set.of("nordlicht"));
    runtime.access().addUser("ana", Role.ANALYST, "analyst secret 123", Set.of("airlines"));
    viewerToken = runtime.access().createToken("vera", "goal tests");
    airlinesToken = runtime.access().createToken("ana", "goal tests");
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
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void theExampleGoalsAreListedWithTheirTargetsAndWhereTheyStand() throws Exception {
    JsonNode list = json(get("/api/projects/nordlicht/goals", viewerToken));
    assertThat(list.path("goals").findValuesAsText("name"))
        .containsExactly("weniger-beschwerden", "mehr-stimmen");
    JsonNode complaints = list.path("goals").get(0);
    assertThat(complaints.path("kpi").asText()).isEqualTo("negative_share");
    assertThat(complaints.path("target").asDouble()).isEqualTo(0.15);
    assertThat(complaints.path("higher_is_better").asBoolean()).isFalse();
    assertThat(complaints.path("horizon").path("end").asText()).isEqualTo("2027-03-28");
    assertThat(complaints.path("owner").asText()).isEqualTo("kundenservice");
    assertThat(complaints.path("status").asText())
        .isIn("not_started", "too_early", "on_track", "behind", "reached", "missed");
    assertThat(complaints.path("baseline").asDouble()).isBetween(0.15, 0.30);
    assertThat(complaints.has("points")).as("the list leaves the check-ins out").isFalse();
  }

  @Test
  void oneGoalHasItsCheckInsAndAForecastOnItsTrendLine() throws Exception {
    JsonNode goal = json(get("/api/projects/nordlicht/goals/weniger-beschwerden", viewerToken));
    JsonNode points = goal.path("points");
    assertThat(points.size()).isGreaterThanOrEqualTo(4);
    assertThat(points.get(0).path("start").asText()).isEqualTo("2026-10-26");
    assertThat(points.get(2).path("start").asText()).isEqualTo("2026-11-09");
    assertThat(points.get(2).path("value").asDouble())
        .as("the outage week")
        .isGreaterThan(points.get(1).path("value").asDouble());
    JsonNode trend = goal.path("trend");
    double atEnd =
        trend.path("intercept").asDouble()
            + trend.path("slope_per_check_in").asDouble() * (goal.path("check_ins").asInt() - 1);
    assertThat(goal.path("forecast").asDouble())
        .isCloseTo(Math.max(0, Math.min(1, atEnd)), within(1e-9));
  }

  @Test
  void anotherProjectsGoalsAreRefusedAndAnUnknownGoalIsNotFound() throws Exception {
    assertThat(get("/api/projects/nordlicht/goals", airlinesToken).statusCode()).isEqualTo(403);
    HttpResponse<String> missing = get("/api/projects/nordlicht/goals/reichweite", viewerToken);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("no goal 'reichweite' in project 'nordlicht'");
    assertThat(json(get("/api/projects/airlines/goals", airlinesToken)).path("goals").size())
        .isZero();
  }
}
