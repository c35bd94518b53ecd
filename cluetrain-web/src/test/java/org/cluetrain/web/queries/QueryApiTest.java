package org.cluetrain.web.queries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cluetrain.access.Role;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.json.Json;
import org.cluetrain.model.Post;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.cluetrain.web.ApiServer;
import org.cluetrain.web.TestWorkspaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query endpoints of the JSON API, on the example workspace's data. */
class QueryApiTest {
  static final ObjectMapper JSON = Json.mapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path data;
  static EmbeddedRuntime runtime;
  static ApiServer server;
  static String analyst;

  @BeforeAll
  static void start() throws Exception {
    runtime = TestWorkspaces.openExample(data);
    server = ApiServer.start(runtime, "127.0.0.1", 0, Map::of);
    analyst = TestWorkspaces.userToken(runtime, "ana", Role.ANALYST, Set.of());
  }

  @AfterAll
  static void stop() {
    server.close();
    runtime.close();
  }

  static HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + analyst)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void thePreviewCountsStoredPostsPerDayAndShowsTheNewest() throws Exception {
    HttpResponse<String> response =
        send("POST", "/api/projects/bahn/queries/preview", "{\"query\": \"bahn*\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode preview = json(response);
    long total = preview.path("total").asLong();
    assertThat(total).isPositive();
    assertThat(preview.path("per_day")).hasSize(QueryPages.DAYS);
    assertThat(preview.path("posts").size()).isEqualTo((int) Math.min(total, QueryPages.SAMPLES));
    long searched =
        json(send("GET", "/api/search?q=bahn*&project=bahn&limit=1", null)).path("total").asLong();
    assertThat(total).isEqualTo(searched);
  }

  @Test
  void aPreviewOfABrokenQueryNamesThePosition() throws Exception {
    HttpResponse<String> response =
        send("POST", "/api/projects/bahn/queries/preview", "{\"query\": \"a (b OR c d e\"}");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("position").asInt()).isEqualTo(14);
    assertThat(json(response).path("error").asText())
        .isEqualTo("query at 14: expected ')' to close '(' at 3, found end of query");
  }

  @Test
  void aQueryWithAFailingExampleIsNotSaved() throws Exception {
    HttpResponse<String> response =
        send(
            "PUT",
            "/api/projects/bahn/queries/stellwerk",
            "{\"query\": \"stellwerk*\", \"must_match\": [\"Stellwerksstörung in Köln\","
                + " \"Weichenstörung in Köln\"]}");
    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode failures = json(response).path("failures");
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).path("example").asText()).isEqualTo("Weichenstörung in Köln");
    assertThat(failures.get(0).path("should_match").asBoolean()).isTrue();
    assertThat(send("GET", "/api/projects/bahn/queries/stellwerk", null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void aSavedQueryMatchesTheNextPostAndCanBeAppliedToHistory() throws Exception {
    HttpResponse<String> saved =
        send(
            "PUT",
            "/api/projects/bahn/queries/kommentare%20zum%20ice",
            "{\"query\": \"ice\", \"role\": \"listen\", \"must_match\": [\"Der ICE war voll\"],"
                + " \"apply_to_history\": true}");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    JsonNode query = json(saved);
    assertThat(query.path("origin").asText()).isEqualTo("edited");
    assertThat(query.path("edited_by").asText()).isEqualTo("ana");
    long inHistory =
        json(send("GET", "/api/search?q=ice&project=bahn&limit=1", null)).path("total").asLong();
    assertThat(query.path("matched_in_history").asLong()).isEqualTo(inHistory).isPositive();
    assertThat(runtime.rollups().stats("bahn").byQuery())
        .containsEntry("bahn/kommentare zum ice", inHistory);

    Post next =
        Post.builder()
            .id("forum:after-save")
            .source(new SourceRef("forum:x", SourceType.FORUM, "Forum", null))
            .text("Der ICE nach Hamburg fällt aus")
            .published(Instant.now())
            .project("bahn")
            .build();
    runtime.pipeline().process(List.of(next));
    assertThat(runtime.store().get("forum:after-save").orElseThrow().matchedQueries())
        .contains("bahn/kommentare zum ice");
    assertThat(
            json(send("GET", "/api/projects/bahn/queries/kommentare%20zum%20ice", null))
                .path("matches_last_30_days")
                .asLong())
        .isGreaterThanOrEqualTo(1);

    HttpResponse<String> deleted =
        send("DELETE", "/api/projects/bahn/queries/kommentare%20zum%20ice", null);
    assertThat(json(deleted).path("workspace_query_restored").asBoolean()).isFalse();
    assertThat(send("GET", "/api/projects/bahn/queries/kommentare%20zum%20ice", null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void savingAWorkspaceQueryOverridesItAndDeletingRestoresIt() throws Exception {
    assertThat(send("DELETE", "/api/projects/airlines/queries/delta", null).statusCode())
        .isEqualTo(409);
    HttpResponse<String> saved =
        send(
            "PUT",
            "/api/projects/airlines/queries/delta",
            "{\"query\": \"delta NEAR/3 (flight OR airlines OR jfk OR atlanta)\", \"role\":"
                + " \"competitor\"}");
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(json(saved).path("origin").asText()).isEqualTo("edited_over_workspace");
    assertThat(json(send("GET", "/api/queries?project=airlines", null)).toString())
        .contains("atlanta");

    HttpResponse<String> deleted = send("DELETE", "/api/projects/airlines/queries/delta", null);
    assertThat(json(deleted).path("workspace_query_restored").asBoolean()).isTrue();
    JsonNode restored = json(send("GET", "/api/projects/airlines/queries/delta", null));
    assertThat(restored.path("origin").asText()).isEqualTo("workspace");
    assertThat(restored.path("query").asText()).doesNotContain("atlanta");
  }

  @Test
  void badBodiesAreRefusedWithAReason() throws Exception {
    HttpResponse<String> noQuery = send("PUT", "/api/projects/bahn/queries/x", "{\"q\": 1}");
    assertThat(noQuery.statusCode()).isEqualTo(400);
    assertThat(json(noQuery).path("error").asText())
        .isEqualTo("the body needs \"query\": the query text");
    HttpResponse<String> role =
        send("PUT", "/api/projects/bahn/queries/x", "{\"query\": \"a\", \"role\": \"brand\"}");
    assertThat(json(role).path("error").asText())
        .isEqualTo("unknown role 'brand'; choose listen or competitor");
    assertThat(send("POST", "/api/projects/nirgends/queries/preview", "{}").statusCode())
        .isEqualTo(404);
  }
}
