package org.cluetrain.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cluetrain.access.Role;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI description is true: every route the server registers under {@code /api} is
 * described, every described route exists, and what a route answers has a media type the
 * description names.
 */
class OpenApiTest {
  @TempDir static Path data;

  static EmbeddedRuntime runtime;
  static ApiServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static String admin;

  @BeforeAll
  static void start() throws Exception {
    runtime = EmbeddedRuntime.open(data, TestWorkspaces.example());
    server = ApiServer.start(runtime, "127.0.0.1", 0, () -> Map.of("polling", false));
    runtime.access().addUser("root", Role.ADMIN, "a long enough secret", Set.of());
    admin = runtime.access().createToken("root", "openapi");
  }

  @AfterAll
  static void stop() {
    server.close();
    runtime.close();
  }

  static HttpResponse<byte[]> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + admin)
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static JsonNode document() throws Exception {
    HttpResponse<byte[]> response = get("/api/openapi.json");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type").orElse(""))
        .startsWith("application/json");
    return Json.mapper().readTree(response.body());
  }

  static Set<String> described(JsonNode document) {
    Set<String> routes = new TreeSet<>();
    document
        .path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method ->
                            routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
    return routes;
  }

  @Test
  void theDescriptionIsOpenApi31() throws Exception {
    JsonNode document = document();
    assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
    assertThat(document.path("info").path("title").asText()).isEqualTo("Cluetrain API");
    assertThat(document.path("paths").size()).isGreaterThan(30);
  }

  @Test
  void everyRegisteredRouteIsDescribedAndEveryDescribedRouteIsRegistered() throws Exception {
    Set<String> registered = new TreeSet<>();
    for (ApiServer.Endpoint endpoint : server.endpoints()) {
      if (endpoint.path().equals("/api") || endpoint.path().startsWith("/api/")) {
        registered.add(endpoint.method() + " " + endpoint.path());
      }
    }
    Set<String> described = described(document());
    assertThat(described).as("described but not registered").isSubsetOf(registered);
    assertThat(registered).as("registered but not described").isSubsetOf(described);
  }

  @Test
  void whatEachPlainGetAnswersHasADescribedMediaType() throws Exception {
    JsonNode document = document();
    List<String> checked = new ArrayList<>();
    document
        .path("paths")
        .fields()
        .forEachRemaining(
            path -> {
              JsonNode get = path.getValue().path("get");
              if (get.isMissingNode()) {
                return;
              }
              String url = path.getKey().replace("{project}", "bahn").replace("{kind}", "mentions");
              if (url.contains("{")) {
                return; // needs an id this empty server does not have
              }
              try {
                HttpResponse<byte[]> response = get(url);
                if (response.statusCode() != 200) {
                  return; // a required parameter is missing: the error is JSON, as described
                }
                String type = response.headers().firstValue("content-type").orElse("");
                List<String> types = new ArrayList<>();
                get.path("responses")
                    .path("200")
                    .path("content")
                    .fieldNames()
                    .forEachRemaining(types::add);
                assertThat(types)
                    .as(url + " answered " + type)
                    .anyMatch(t -> type.startsWith(t.split(";")[0]));
                checked.add(url);
              } catch (Exception e) {
                throw new AssertionError(url, e);
              }
            });
    assertThat(checked)
        .contains("/api/status", "/api/openapi.json", "/api/projects/bahn/exports/mentions");
  }

  @Test
  void everyExportFormatIsDescribed() throws Exception {
    JsonNode content =
        document()
            .path("paths")
            .path("/api/projects/{project}/exports/{kind}")
            .path("get")
            .path("responses")
            .path("200")
            .path("content");
    for (String format : List.of("csv", "json", "ndjson", "xlsx")) {
      HttpResponse<byte[]> response = get("/api/projects/bahn/exports/threads?format=" + format);
      String type = response.headers().firstValue("content-type").orElse("");
      List<String> types = new ArrayList<>();
      content.fieldNames().forEachRemaining(types::add);
      assertThat(types).as(format).anyMatch(t -> type.startsWith(t.split(";")[0]));
    }
  }
}
