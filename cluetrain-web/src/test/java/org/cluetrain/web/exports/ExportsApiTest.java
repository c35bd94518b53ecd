package org.cluetrain.web.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cluetrain.access.Role;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.mentions.MentionFilter;
import org.cluetrain.audit.AuditEntry;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.audit.AuditQuery;
import org.cluetrain.json.Json;
import org.cluetrain.web.ApiServer;
import org.cluetrain.web.TestWorkspaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports over real HTTP on loopback, on the example workspace's data. */
class ExportsApiTest {
  @TempDir static Path data;

  static EmbeddedRuntime runtime;
  static ApiServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static String analyst;
  static String bahnOnly;

  @BeforeAll
  static void start() throws Exception {
    runtime = TestWorkspaces.openExample(data);
    server = ApiServer.start(runtime, "127.0.0.1", 0, () -> Map.of("polling", false));
    analyst = TestWorkspaces.userToken(runtime, "ana", Role.ANALYST, Set.of());
    bahnOnly = TestWorkspaces.userToken(runtime, "bea", Role.VIEWER, Set.of("bahn"));
  }

  @AfterAll
  static void stop() {
    server.close();
    runtime.close();
  }

  static HttpResponse<byte[]> get(String path, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  @Test
  void mentionsAsCsvAreWhatTheMentionsPageListsForTheSameFilters() throws Exception {
    MentionFilter filter =
        new MentionFilter("", MentionFilter.ALL, "", "de", "", "", "", "", "", "");
    List<String> expected =
        runtime
            .store()
            .search(
                filter.resolve("bahn", runtime.queries().queries(), Instant.now()).request(1000))
            .posts()
            .stream()
            .map(p -> p.post().id())
            .toList();
    assertThat(expected).hasSizeGreaterThan(1);

    HttpResponse<byte[]> response =
        get("/api/projects/bahn/exports/mentions?format=csv&query=%40all&lang=de", analyst);

    assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/csv");
    assertThat(response.headers().firstValue("content-disposition").orElse(""))
        .matches("attachment; filename=\"cluetrain-bahn-mentions-\\d{8}-\\d{4}\\.csv\"");
    assertThat(response.body()[0]).isEqualTo((byte) 0xEF);
    List<String> lines = text(response).substring(1).lines().toList();
    assertThat(lines.get(0)).startsWith("id,published,project,source,");
    List<String> ids = new ArrayList<>();
    JsonNode json =
        Json.mapper()
            .readTree(
                text(
                    get(
                        "/api/projects/bahn/exports/mentions?format=json&query=%40all&lang=de",
                        analyst)));
    json.forEach(row -> ids.add(row.path("id").asText()));
    assertThat(ids).containsExactlyElementsOf(expected);
    assertThat(json).allMatch(row -> row.path("lang").asText().equals("de"));
  }

  @Test
  void everyKindAndFormatAnswersWithItsMediaType() throws Exception {
    for (String kind : List.of("mentions", "threads", "authors", "figures", "inbox")) {
      for (String format : List.of("csv", "json", "ndjson", "xlsx")) {
        HttpResponse<byte[]> response =
            get("/api/projects/bahn/exports/" + kind + "?format=" + format, analyst);
        assertThat(response.statusCode()).as(kind + " " + format).isEqualTo(200);
        String type = response.headers().firstValue("content-type").orElse("");
        switch (format) {
          case "csv" -> assertThat(type).startsWith("text/csv");
          case "json" -> {
            assertThat(type).startsWith("application/json");
            assertThat(Json.mapper().readTree(response.body()).isArray()).isTrue();
          }
          case "ndjson" -> assertThat(type).startsWith("application/x-ndjson");
          default -> {
            assertThat(type).startsWith("application/vnd.openxmlformats");
            assertThat(response.body()[0]).isEqualTo((byte) 'P'); // a ZIP file
            assertThat(response.body()[1]).isEqualTo((byte) 'K');
          }
        }
      }
    }
  }

  @Test
  void aBadRequestIsRefusedWithTheReason() throws Exception {
    HttpResponse<byte[]> kind = get("/api/projects/bahn/exports/everything", analyst);
    assertThat(kind.statusCode()).isEqualTo(400);
    assertThat(text(kind)).contains("unknown export 'everything'");
    HttpResponse<byte[]> format = get("/api/projects/bahn/exports/mentions?format=pdf", analyst);
    assertThat(format.statusCode()).isEqualTo(400);
    HttpResponse<byte[]> query =
        get(
            "/api/projects/bahn/exports/mentions?q="
                + URLEncoder.encode("bahn (", StandardCharsets.UTF_8),
            analyst);
    assertThat(query.statusCode()).isEqualTo(400);
    assertThat(text(query)).contains("the query does not parse");
    HttpResponse<byte[]> sentiment =
        get("/api/projects/bahn/exports/mentions?sentiment=angry", analyst);
    assertThat(text(sentiment)).contains("'angry' is not a sentiment");
  }

  @Test
  void aViewerOfOneProjectExportsOnlyThatProject() throws Exception {
    assertThat(get("/api/projects/bahn/exports/mentions", bahnOnly).statusCode()).isEqualTo(200);
    HttpResponse<byte[]> other = get("/api/projects/airlines/exports/mentions", bahnOnly);
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(text(other)).doesNotContain("lufthansa");
  }

  @Test
  void everyExportIsInTheAuditLog() throws Exception {
    get("/api/projects/bahn/exports/authors?format=ndjson", bahnOnly);

    List<AuditEntry> exports =
        runtime.audit().find(new AuditQuery(AuditKind.EXPORT, "bea", null, null, 0, 100));
    assertThat(exports)
        .anySatisfy(
            e -> {
              assertThat(e.event().target()).isEqualTo("bahn");
              assertThat(e.event().detail()).matches("authors as NDJSON: \\d+ rows");
              assertThat(e.event().address()).isNotBlank();
            });
  }
}
