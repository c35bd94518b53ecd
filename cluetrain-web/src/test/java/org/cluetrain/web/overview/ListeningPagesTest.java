package org.cluetrain.web.overview;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cluetrain.access.Role;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.ingest.FileImporter;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.formats.Formats;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.json.Json;
import org.cluetrain.model.Label;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.StoredPost;
import org.cluetrain.web.ApiServer;
import org.cluetrain.web.TestWorkspaces;
import org.cluetrain.web.threads.ThreadLinks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listening pages and the overview's JSON over real HTTP, on the example workspace's data. */
class ListeningPagesTest {
  @TempDir static Path data;
  static Workspace workspace;
  static EmbeddedRuntime runtime;
  static ApiServer server;
  static String everyone;
  static String bahnOnly;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = Json.mapper();

  @BeforeAll
  static void start() throws Exception {
    workspace = TestWorkspaces.example();
    runtime = EmbeddedRuntime.open(data, workspace);
    importExamples();
    runtime
        .sourceStates()
        .saveHealth(
            SourceHealth.pending(
                "feed:https://www.tagesschau.de/xml/rss2/",
                "bahn",
                "https://www.tagesschau.de/xml/rss2/"));
    runtime
        .sourceStates()
        .saveHealth(
            SourceHealth.pending(
                "feed:https://feeds.bbci.co.uk/news/business/rss.xml",
                "airlines",
                "https://feeds.bbci.co.uk/news/business/rss.xml"));
    server = ApiServer.start(runtime, "127.0.0.1", 0, Map::of);
    runtime.access().addUser("vera", Role.VIEWER, "viewer secret 123", Set.of());
    runtime.access().addUser("client", Role.VIEWER, "client secret 123", Set.of("bahn"));
    everyone = runtime.access().createToken("vera", "test");
    bahnOnly = runtime.access().createToken("client", "test");
  }

  static void importExamples() throws Exception {
    new FileImporter(runtime.pipeline(), Formats.standard())
        .importWorkspace(workspace, (project, report) -> {});
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

  static JsonNode overview(String project) throws Exception {
    HttpResponse<String> response = get("/api/projects/" + project + "/overview", everyone);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** Every stored post of a project, read the slow way, to check the pages' figures against. */
  static List<StoredPost> all(String project) throws Exception {
    return runtime
        .store()
        .search(new SearchRequest("", project, null, null, SearchRequest.MAX_LIMIT))
        .posts();
  }

  static long sum(JsonNode series) {
    long total = 0;
    for (JsonNode value : series.get("values")) {
      total += value.asLong();
    }
    return total;
  }

  @Test
  void theOverviewCountsSentimentFromTheLedgerAndARepeatedImportChangesNothing() throws Exception {
    JsonNode before = overview("bahn");

    List<String> brand = List.of("bahn/marke", "bahn/service-lob");
    long expected = 0;
    for (StoredPost post : all("bahn")) {
      for (String query : post.matchedQueries()) {
        Label sentiment = post.post().labels().get("sentiment");
        if (brand.contains(query) && sentiment != null) {
          expected++;
        }
      }
    }
    long counted = 0;
    for (JsonNode series : before.get("sentiment")) {
      counted += sum(series);
    }
    assertThat(counted).isPositive().isEqualTo(expected);
    long mentions =
        all("bahn").stream()
            .filter(p -> p.matchedQueries().stream().anyMatch(brand::contains))
            .count();
    assertThat(before.get("mentions").asLong()).isEqualTo(mentions);

    importExamples();
    importExamples();
    JsonNode after = overview("bahn");
    assertThat(after.get("sentiment")).isEqualTo(before.get("sentiment"));
    assertThat(after.get("volume")).isEqualTo(before.get("volume"));
    assertThat(after.get("mentions")).isEqualTo(before.get("mentions"));
  }

  @Test
  void stylesAndScriptsAreServedToEverybody() throws Exception {
    for (String path :
        List.of(
            "/assets/app.css",
            "/assets/app.js",
            "/webjars/echarts/5.2.2/dist/echarts.min.js",
            "/webjars/htmx.org/2.0.3/dist/htmx.min.js")) {
      HttpResponse<String> anonymous =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(anonymous.statusCode()).as(path).isEqualTo(200);
      assertThat(get(path, everyone).statusCode()).as(path).isEqualTo(200);
    }
  }

  @Test
  void aClientSeesOnlyItsOwnProjectsPages() throws Exception {
    assertThat(get("/p/bahn", bahnOnly).statusCode()).isEqualTo(200);
    assertThat(get("/p/bahn/mentions", bahnOnly).statusCode()).isEqualTo(200);
    for (String path :
        List.of("/p/airlines", "/p/airlines/mentions", "/api/projects/airlines/overview")) {
      HttpResponse<String> refused = get(path, bahnOnly);
      assertThat(refused.statusCode()).as(path).isEqualTo(403);
      assertThat(refused.body()).as(path).contains("may not see the project 'airlines'");
    }
    StoredPost airline = all("airlines").get(0);
    String thread = ThreadLinks.path(airline.post().threadId());
    assertThat(get(thread, bahnOnly).statusCode()).isEqualTo(403);
    assertThat(get(thread, everyone).statusCode()).isEqualTo(200);

    String sources = get("/sources", bahnOnly).body();
    assertThat(sources).contains("tagesschau.de").doesNotContain("bbci.co.uk");
    assertThat(get("/sources", everyone).body()).contains("tagesschau.de").contains("bbci.co.uk");
    assertThat(get("/p/nowhere", everyone).statusCode()).isEqualTo(404);
  }

  @Test
  void aSearchThatDoesNotParseSaysWhereOnThePage() throws Exception {
    HttpResponse<String> page =
        get(
            "/p/bahn/mentions?q=" + URLEncoder.encode("(bahn OR", StandardCharsets.UTF_8),
            everyone);
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("id=\"error-q\"").contains("does not parse");
    assertThat(get("/p/bahn/mentions?sentiment=grumpy", everyone).body())
        .contains("'grumpy' is not a sentiment");
    assertThat(get("/p/bahn?days=12", everyone).body()).contains("days must be 7, 30 or 90");
  }
}
