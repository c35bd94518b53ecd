package org.cluetrain.web.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cluetrain.access.Role;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.audit.AuditQuery;
import org.cluetrain.json.Json;
import org.cluetrain.web.ApiServer;
import org.cluetrain.web.TestWorkspaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention over HTTP on the example workspace: each project's and source's period for whoever may
 * see the project, runs for admins alone, recorded and audited.
 */
class RetentionApiTest {
  @TempDir static Path data;
  static EmbeddedRuntime runtime;
  static ApiServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = Json.mapper();
  static String adminToken;
  static String airlinesToken;

  @BeforeAll
  static void start() throws Exception {
    runtime = TestWorkspaces.openExample(data);
    server = ApiServer.start(runtime, "127.0.0.1", 0, () -> Map.of());
    adminToken = TestWorkspaces.userToken(runtime, "root", Role.ADMIN, Set.of());
    airlinesToken = TestWorkspaces.userToken(runtime, "ana", Role.ANALYST, Set.of("airlines"));
  }

  @AfterAll
  static void stop() {
    server.close();
    runtime.close();
  }

  static HttpResponse<String> send(String method, String path, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + token)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void periodsAreShownToWhoSeesTheProjectAndRunsAreForAdminsRecordedAndAudited() throws Exception {
    JsonNode before = json(send("GET", "/api/retention", adminToken));
    assertThat(before.path("last_run").has("at")).isFalse();
    JsonNode bahn = project(before, "bahn");
    assertThat(bahn.get("third_party").asText()).isEqualTo("P15M");
    assertThat(bahn.get("own_channels").asText()).isEqualTo("P3Y");
    assertThat(bahn.get("inbox_closed").asText()).isEqualTo("P2Y");
    JsonNode tagesschau = source(bahn, "feed:https://www.tagesschau.de/xml/rss2/");
    assertThat(tagesschau.get("retention").asText()).isEqualTo("P6M");
    assertThat(tagesschau.get("basis").asText()).isEqualTo("source");
    JsonNode heise = source(bahn, "feed:https://www.heise.de/rss/heise-atom.xml");
    assertThat(heise.get("retention").asText()).isEqualTo("P15M");
    assertThat(heise.get("basis").asText()).isEqualTo("third-party");
    assertThat(project(before, "airlines").get("third_party").asText()).isEqualTo("forever");

    JsonNode restricted = json(send("GET", "/api/retention", airlinesToken));
    assertThat(names(restricted)).containsExactly("airlines");

    assertThat(send("POST", "/api/retention/run", airlinesToken).statusCode()).isEqualTo(403);
    HttpResponse<String> unknown = send("POST", "/api/retention/run?project=nope", adminToken);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(unknown.body()).get("error").asText())
        .isEqualTo("the workspace has no project 'nope'");

    long stored = runtime.store().count();
    JsonNode dry = json(send("POST", "/api/retention/run?dry_run=true", adminToken));
    assertThat(dry.get("dry_run").asBoolean()).isTrue();
    // the samples were written in November 2026: within every period of the example
    assertThat(dry.get("posts").asLong()).isZero();
    assertThat(json(send("GET", "/api/retention", adminToken)).path("last_run").has("at"))
        .isFalse();

    JsonNode run = json(send("POST", "/api/retention/run", adminToken));
    assertThat(run.get("dry_run").asBoolean()).isFalse();
    assertThat(run.get("projects")).hasSize(2);
    assertThat(runtime.store().count()).isEqualTo(stored);

    JsonNode after = json(send("GET", "/api/retention", adminToken));
    Instant at = Instant.parse(after.get("last_run").get("at").asText());
    assertThat(after.get("last_run").get("projects").get("bahn").get("posts").asLong()).isZero();
    assertThat(Instant.parse(after.get("next_run").asText()))
        .isEqualTo(at.plus(Duration.ofDays(1)));
    JsonNode seenByAna = json(send("GET", "/api/retention", airlinesToken)).get("last_run");
    assertThat(fieldNames(seenByAna.get("projects"))).containsExactly("airlines");

    assertThat(
            runtime
                .audit()
                .find(new AuditQuery(AuditKind.RETENTION_RUN, "root", null, null, 0, 10)))
        .singleElement()
        .satisfies(e -> assertThat(e.event().detail()).contains("bahn: 0 posts, 0 inbox items"));
  }

  private static JsonNode project(JsonNode retention, String name) {
    for (JsonNode p : retention.get("projects")) {
      if (p.get("project").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no project " + name + " in " + retention);
  }

  private static JsonNode source(JsonNode project, String sourceId) {
    for (JsonNode s : project.get("sources")) {
      if (s.get("source_id").asText().equals(sourceId)) {
        return s;
      }
    }
    throw new AssertionError("no source " + sourceId + " in " + project);
  }

  private static List<String> names(JsonNode retention) {
    List<String> names = new ArrayList<>();
    retention.get("projects").forEach(p -> names.add(p.get("project").asText()));
    return names;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
