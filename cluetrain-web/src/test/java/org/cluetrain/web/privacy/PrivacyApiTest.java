package org.cluetrain.web.privacy;

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
import org.cluetrain.json.Json;
import org.cluetrain.store.AuthorSummary;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.web.ApiServer;
import org.cluetrain.web.TestWorkspaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subject requests over HTTP on the example workspace: admins only, find, export, erase. */
class PrivacyApiTest {
  @TempDir static Path data;
  static EmbeddedRuntime runtime;
  static ApiServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = Json.mapper();
  static String adminToken;
  static String analystToken;

  @BeforeAll
  static void start() throws Exception {
    runtime = TestWorkspaces.openExample(data);
    server = ApiServer.start(runtime, "127.0.0.1", 0, () -> Map.of());
    adminToken = TestWorkspaces.userToken(runtime, "root", Role.ADMIN, Set.of());
    analystToken = TestWorkspaces.userToken(runtime, "ana", Role.ANALYST, Set.of());
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

  @Test
  void onlyAdminsMayAskAndTheyMustNameThePerson() throws Exception {
    assertThat(send("GET", "/api/privacy/subjects?author=x", analystToken).statusCode())
        .isEqualTo(403);
    assertThat(send("POST", "/api/privacy/subjects/erase?author=x", analystToken).statusCode())
        .isEqualTo(403);
    HttpResponse<String> missing = send("GET", "/api/privacy/subjects", adminToken);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(missing.body()).get("error").asText())
        .isEqualTo("author= is required: the person's handle, name, profile URL or e-mail address");
    assertThat(send("GET", "/api/privacy/pseudonyms/pseudonym:00", analystToken).statusCode())
        .isEqualTo(403);
    HttpResponse<String> unknown = send("GET", "/api/privacy/pseudonyms/pseudonym:00", adminToken);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("error").asText())
        .isEqualTo("no identity is kept for pseudonym:00: it is unknown, or the person was erased");
    JsonNode nobody =
        JSON.readTree(send("GET", "/api/privacy/subjects?author=nobody-here", adminToken).body());
    assertThat(nobody.get("found").get("posts").asInt()).isZero();
  }

  @Test
  void aPersonIsFoundExportedAndErased() throws Exception {
    AuthorSummary top = runtime.rollups().authors("airlines", 1).get(0);
    String author = URLEncoder.encode(top.name(), StandardCharsets.UTF_8);
    assertThat(top.posts()).isGreaterThanOrEqualTo(2);

    JsonNode found =
        JSON.readTree(send("GET", "/api/privacy/subjects?author=" + author, adminToken).body());
    assertThat(found.get("found").get("posts").asLong()).isEqualTo(top.posts());
    assertThat(found.get("authors").get(0).get("name").asText()).isEqualTo(top.name());

    HttpResponse<String> export =
        send("GET", "/api/privacy/subjects/export?author=" + author, adminToken);
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"subject-export.json\"");
    JsonNode exported = JSON.readTree(export.body());
    assertThat(exported.get("posts")).hasSize((int) top.posts());
    assertThat(exported.get("posts").get(0).get("post").get("author").get("name").asText())
        .isEqualTo(top.name());

    HttpResponse<String> erase =
        send("POST", "/api/privacy/subjects/erase?author=" + author, adminToken);
    assertThat(erase.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(erase.body()).get("erased").get("posts_removed").asLong())
        .isEqualTo(top.posts());

    JsonNode after =
        JSON.readTree(send("GET", "/api/privacy/subjects?author=" + author, adminToken).body());
    assertThat(after.get("found").get("posts").asInt()).isZero();
    assertThat(after.get("suppressed").asBoolean()).isFalse(); // no account left to recognise
    assertThat(runtime.rollups().authors("airlines", 1000))
        .noneMatch(a -> a.name().equals(top.name()));
    assertThat(
            runtime
                .store()
                .search(new SearchRequest("\"" + top.name() + "\"", null, null, null, 10))
                .totalHits())
        .isZero();
  }
}
