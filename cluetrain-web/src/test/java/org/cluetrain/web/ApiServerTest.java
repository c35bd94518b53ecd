package org.cluetrain.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.cluetrain.access.Role;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.ingest.FileImporter;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.formats.Formats;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API over real HTTP on loopback, on the example workspace's data. */
class ApiServerTest {
  @TempDir static Path data;

  static EmbeddedRuntime runtime;
  static ApiServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = Json.mapper();
  static String token;

  @BeforeAll
  static void start() throws Exception {
    Workspace workspace = TestWorkspaces.example();
    runtime = EmbeddedRuntime.open(data, workspace);
    new FileImporter(runtime.pipeline(), Formats.standard())
        .importWorkspace(workspace, (project, report) -> {});
    runtime
        .sourceStates()
        .saveHealth(
            SourceHealth.pending(
                "feed:https://www.tagesschau.de/xml/rss2/",
                "bahn",
                "https://www.tagesschau.de/xml/rss2/"));
    server = ApiServer.start(runtime, "127.0.0.1", 0, () -> Map.of("polling", false));
    runtime.access().addUser("ana", Role.ANALYST, "a long enough secret", Set.of());
    token = runtime.access().createToken("ana", "tests");
  }

  @AfterAll
  static void stop() {
    server.close();
    runtime.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(String path) throws Exception {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type").orElse(""))
        .contains("application/json");
    return JSON.readTree(response.body());
  }

  static String q(String query) {
    return URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  @Test
  void statusAndProjects() throws Exception {
    assertThat(json("/api/status").get("posts").asLong()).isEqualTo(22);
    JsonNode projects = json("/api/projects");
    assertThat(projects).hasSize(2);
    assertThat(projects.get(0).get("name").asText()).isEqualTo("bahn");
    assertThat(projects.get(0).get("feeds")).hasSize(2);
    assertThat(json("/api/queries?project=bahn")).hasSize(3);
  }

  @Test
  void statusShowsACallerOnlyWhatTheyMaySee() throws Exception {
    runtime.access().addUser("bea", Role.VIEWER, "a long enough secret", Set.of("bahn"));
    runtime.access().addUser("root", Role.ADMIN, "a long enough secret", Set.of());
    String bahnOnly = runtime.access().createToken("bea", "status");
    String admin = runtime.access().createToken("root", "status");
    long bahnPosts = runtime.rollups().stats("bahn").posts();
    assertThat(bahnPosts).isPositive().isLessThan(20);

    JsonNode limited = JSON.readTree(get("/api/status", bahnOnly).body());
    JsonNode full = JSON.readTree(get("/api/status", admin).body());

    assertThat(limited.get("posts").asLong()).isEqualTo(bahnPosts);
    assertThat(limited.has("data_dir")).isFalse();
    assertThat(limited.toString()).doesNotContain(data.toString());
    assertThat(limited.get("polling").asBoolean()).isFalse();
    assertThat(full.get("posts").asLong()).isEqualTo(22);
    assertThat(full.get("data_dir").asText()).isEqualTo(runtime.dataDir().toString());
  }

  static HttpResponse<String> get(String path, String bearer) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + bearer)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void searchWithTheQueryLanguage() throws Exception {
    JsonNode result =
        json("/api/search?project=bahn&q=" + q("flixbus AND (kind:comment OR kind:reply)"));
    assertThat(result.get("total").asInt()).isEqualTo(2);
    JsonNode post = result.get("posts").get(0);
    assertThat(post.get("kind").asText()).isEqualTo("reply");
    assertThat(post.get("matched_queries").toString()).contains("bahn/flixbus");
  }

  @Test
  void aBadQueryIs400WithThePosition() throws Exception {
    HttpResponse<String> response = get("/api/search?q=" + q("(bahn OR"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("error").asText()).startsWith("query at ");
  }

  @Test
  void unknownThingsAre404WithAMessage() throws Exception {
    HttpResponse<String> post = get("/api/posts/no-such-post");
    assertThat(post.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(post.body()).get("error").asText())
        .isEqualTo("no post with id no-such-post");
    HttpResponse<String> project = get("/api/stats?project=nope");
    assertThat(project.statusCode()).isEqualTo(404);
    assertThat(get("/api/nothing-here").statusCode()).isEqualTo(404);
  }

  @Test
  void threadsPostsAndAuthors() throws Exception {
    JsonNode threads = json("/api/threads?project=bahn");
    assertThat(threads).hasSize(2);
    String threadId = threads.get(1).get("thread_id").asText();
    JsonNode thread = json("/api/threads/" + q(threadId));
    assertThat(thread.get("posts")).hasSize(9);
    String firstId = thread.get("posts").get(0).get("id").asText();
    assertThat(json("/api/posts/" + q(firstId)).get("kind").asText()).isEqualTo("post");
    JsonNode authors = json("/api/authors?project=bahn");
    assertThat(authors.get(0).get("name").asText()).isEqualTo("Martina K.");
  }

  @Test
  void statsCountsAndSourceHealth() throws Exception {
    JsonNode stats = json("/api/stats?project=bahn");
    assertThat(stats.get("posts").asInt()).isEqualTo(12);
    assertThat(stats.get("by_kind").get("pingback").asInt()).isEqualTo(1);
    assertThat(json("/api/queries/bahn/flixbus/counts")).isNotEmpty();
    JsonNode sources = json("/api/sources");
    assertThat(sources.get(0).get("state").asText()).isEqualTo("PENDING");
    assertThat(get("/api/queries/bahn/nope/counts").statusCode()).isEqualTo(404);
  }

  @Test
  void relevanceLabellingLoop() throws Exception {
    JsonNode next = json("/api/projects/airlines/labels/next?limit=3");
    assertThat(next).hasSize(3);
    String first = next.get(0).get("post").get("id").asText();
    String second = next.get(1).get("post").get("id").asText();
    assertThat(
            post(
                    "/api/projects/airlines/labels",
                    "{\"post_id\": \"" + first + "\", \"relevant\": true}")
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> trained =
        post(
            "/api/projects/airlines/labels",
            "{\"post_id\": \"" + second + "\", \"relevant\": false}");
    assertThat(trained.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(trained.body()).get("model_trained").asBoolean()).isTrue();
    JsonNode after = json("/api/projects/airlines/labels/next?limit=10");
    assertThat(after.get(0).get("relevant_probability").isNumber()).isTrue();
    assertThat(after.findValuesAsText("id")).doesNotContain(first, second);
    assertThat(json("/api/posts/" + q(first)).get("labels").get("relevance").get("label").asText())
        .isEqualTo("true");

    assertThat(
            post("/api/projects/airlines/labels", "{\"post_id\": \"nope\", \"relevant\": true}")
                .statusCode())
        .isEqualTo(404);
    assertThat(post("/api/projects/airlines/labels", "not json").statusCode()).isEqualTo(400);
    assertThat(post("/api/projects/nope/labels", "{}").statusCode()).isEqualTo(404);
  }

  static HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theStartPageIsTheFirstProjectsOverview() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location")).hasValue("/p/bahn");
    assertThat(json("/api").toString()).contains("GET /api/search");
  }
}
