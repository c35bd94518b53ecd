package org.cluetrain.web.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.cluetrain.access.Role;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.json.Json;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.web.ApiServer;
import org.cluetrain.web.TestWorkspaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing into a running server over its API, as files and as pushed posts: counts, exactly once,
 * and who may.
 */
class ImportApiTest {
  static final Path WXR = Path.of("../examples/samples/unterwegs-mit-der-bahn.wxr.xml");
  @TempDir static Path data;
  static EmbeddedRuntime runtime;
  static ApiServer server;
  static String analyst;
  static String viewer;
  static String airlinesOnly;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = Json.mapper();

  @BeforeAll
  static void start() throws Exception {
    runtime = EmbeddedRuntime.open(data, TestWorkspaces.example());
    server = ApiServer.start(runtime, "127.0.0.1", 0, Map::of);
    runtime.access().addUser("ana", Role.ANALYST, "analyst secret 123", Set.of());
    runtime.access().addUser("vera", Role.VIEWER, "viewer secret 123", Set.of());
    runtime.access().addUser("client", Role.ANALYST, "client secret 123", Set.of("airlines"));
    analyst = runtime.access().createToken("ana", "test");
    viewer = runtime.access().createToken("vera", "test");
    airlinesOnly = runtime.access().createToken("client", "test");
  }

  @AfterAll
  static void stop() {
    server.close();
    runtime.close();
  }

  static HttpResponse<String> post(String path, String token, HttpRequest.BodyPublisher body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + token)
            .POST(body)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode get(String path, String token) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** Follows an import to its end, as the command line does. */
  static JsonNode finished(HttpResponse<String> accepted, String token) throws Exception {
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String location = accepted.headers().firstValue("Location").orElseThrow();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    JsonNode job = JSON.readTree(accepted.body());
    while (!job.path("state").asText().equals("DONE")) {
      assertThat(Instant.now()).as("import still %s", job).isBefore(deadline);
      Thread.sleep(50);
      job = get(location, token);
    }
    return job;
  }

  @Test
  void anUploadIsImportedOnceAndItsCountsAreReported() throws Exception {
    JsonNode first =
        finished(
            post(
                "/api/projects/bahn/imports?file=unterwegs.wxr.xml",
                analyst,
                HttpRequest.BodyPublishers.ofFile(WXR)),
            analyst);
    assertThat(first.path("report").path("format").asText()).isEqualTo("wxr");
    assertThat(first.path("report").path("read").asInt()).isEqualTo(12);
    assertThat(
            first.path("report").path("stored").asInt()
                + first.path("report").path("already_known").asInt())
        .isEqualTo(12);
    assertThat(first.path("bytes_read").asLong()).isEqualTo(first.path("bytes").asLong());
    assertThat(first.path("owner").asText()).isEqualTo("ana");

    JsonNode again =
        finished(
            post(
                "/api/projects/bahn/imports?file=unterwegs.wxr.xml",
                analyst,
                HttpRequest.BodyPublishers.ofFile(WXR)),
            analyst);
    assertThat(again.path("report").path("stored").asInt()).isZero();
    assertThat(again.path("report").path("already_known").asInt()).isEqualTo(12);
    assertThat(runtime.store().search(new SearchRequest("", "bahn", null, null, 100)).totalHits())
        .isEqualTo(12);
  }

  @Test
  void aFileThatIsNoKnownFormatEndsUnusableWithoutEchoingIt() throws Exception {
    JsonNode job =
        finished(
            post(
                "/api/projects/bahn/imports?file=notes.txt",
                analyst,
                HttpRequest.BodyPublishers.ofString(
                    "just some notes, not posts\n", StandardCharsets.UTF_8)),
            analyst);
    assertThat(job.path("report").path("unusable").asText()).contains("notes.txt");
    assertThat(job.path("report").path("read").asInt()).isZero();
  }

  @Test
  void viewersMayWatchButNotImportAndNobodyImportsIntoAProjectTheyMayNotSee() throws Exception {
    assertThat(
            post(
                    "/api/projects/bahn/imports?file=x.xml",
                    viewer,
                    HttpRequest.BodyPublishers.ofFile(WXR))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            post(
                    "/api/projects/bahn/imports?file=x.xml",
                    airlinesOnly,
                    HttpRequest.BodyPublishers.ofFile(WXR))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            post(
                    "/api/projects/nosuch/imports?file=x.xml",
                    analyst,
                    HttpRequest.BodyPublishers.ofFile(WXR))
                .statusCode())
        .isEqualTo(404);
    HttpResponse<String> unnamed =
        post("/api/projects/bahn/imports", analyst, HttpRequest.BodyPublishers.ofFile(WXR));
    assertThat(unnamed.statusCode()).isEqualTo(400);
    assertThat(unnamed.body()).contains("?file=NAME");
    HttpResponse<String> badFormat =
        post(
            "/api/projects/bahn/imports?file=x.xml&format=word",
            analyst,
            HttpRequest.BodyPublishers.ofFile(WXR));
    assertThat(badFormat.statusCode()).isEqualTo(400);
    assertThat(badFormat.body()).contains("unknown format 'word'");

    // the bahn imports are not listed to someone who sees only the airlines
    for (JsonNode job : get("/api/imports", airlinesOnly)) {
      assertThat(job.path("project").asText()).isEqualTo("airlines");
    }
  }

  @Test
  void theServersOperatorKeyActsAsAnAdministratorAndNothingElseDoes() throws Exception {
    JsonNode job =
        finished(
            post(
                "/api/projects/airlines/imports?file=airline-travellers.mastodon.json",
                runtime.access().operatorKey(),
                HttpRequest.BodyPublishers.ofFile(
                    Path.of("../examples/samples/airline-travellers.mastodon.json"))),
            runtime.access().operatorKey());
    assertThat(job.path("owner").asText()).isEqualTo("local-operator");
    assertThat(job.path("report").path("read").asInt()).isEqualTo(10);
    assertThat(
            post(
                    "/api/projects/airlines/imports?file=x.xml",
                    "ctop_" + "0".repeat(43),
                    HttpRequest.BodyPublishers.ofFile(WXR))
                .statusCode())
        .isEqualTo(401);
  }

  static HttpResponse<String> push(String project, String token, String type, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:" + server.port() + "/api/projects/" + project + "/posts"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pushedPostsAreStoredOnceAndTheAnswerSaysWhatHappened() throws Exception {
    String batch =
        "[{\"id\":\"w-1\",\"text\":\"Zebrastreifen vor dem Terminal: pushzebra\","
            + "\"published\":\"2026-12-01T10:00:00Z\",\"author\":\"webhook fan\"},"
            + "{\"id\":\"w-2\",\"text\":\"pushzebra again, a reply\",\"parent\":\"w-1\"},"
            + "{\"url\":\"https://forum.example/t/42\",\"title\":\"pushzebra on the forum\"}]";
    HttpResponse<String> first = push("airlines", analyst, "application/json", batch);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(first.body());
    assertThat(report.path("read").asInt()).isEqualTo(3);
    assertThat(report.path("stored").asInt()).isEqualTo(3);
    assertThat(report.path("problems")).isEmpty();

    JsonNode again = JSON.readTree(push("airlines", analyst, "application/json", batch).body());
    assertThat(again.path("stored").asInt()).isZero();
    assertThat(again.path("already_known").asInt()).isEqualTo(3);
    var found = runtime.store().search(new SearchRequest("pushzebra", "airlines", null, null, 10));
    assertThat(found.totalHits()).isEqualTo(3);
  }

  @Test
  void aBadPushedPostIsNamedAndTheOthersAreStored() throws Exception {
    HttpResponse<String> response =
        push(
            "airlines",
            analyst,
            "application/x-ndjson",
            "{\"id\":\"n-1\",\"text\":\"pushlines one\"}\n"
                + "{\"id\":\"n-2\",\"text\":\"pushlines two\",\"published\":\"soon\"}\n"
                + "{\"id\":\"n-3\",\"text\":\"pushlines three\"}\n");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(response.body());
    assertThat(report.path("stored").asInt()).isEqualTo(2);
    assertThat(report.path("problems").get(0).asText())
        .contains("post 2")
        .contains("'soon' is not a time");
  }

  @Test
  void pushesThatCannotBeTakenAreRefusedWithTheReason() throws Exception {
    String one = "[{\"text\":\"refused\"}]";
    assertThat(push("bahn", viewer, "application/json", one).statusCode()).isEqualTo(403);
    assertThat(push("bahn", airlinesOnly, "application/json", one).statusCode()).isEqualTo(403);
    assertThat(push("nosuch", analyst, "application/json", one).statusCode()).isEqualTo(404);

    HttpResponse<String> form = push("bahn", analyst, "application/x-www-form-urlencoded", one);
    assertThat(form.statusCode()).isEqualTo(415);
    assertThat(form.body()).contains("application/x-ndjson");

    HttpResponse<String> broken = push("bahn", analyst, "application/json", "[{\"text\": oops");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(broken.body()).contains("not well-formed JSON");

    assertThat(push("bahn", analyst, "application/json", "").statusCode()).isEqualTo(400);

    HttpResponse<String> huge =
        push(
            "bahn",
            analyst,
            "application/json",
            "[{\"text\":\"" + "x".repeat(EmbeddedRuntime.MAX_PUSH_BYTES) + "\"}]");
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(huge.body()).contains("at most " + EmbeddedRuntime.MAX_PUSH_BYTES + " bytes");
  }
}
