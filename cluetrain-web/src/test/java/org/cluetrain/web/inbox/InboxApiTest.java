package org.cluetrain.web.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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

/** The inbox's JSON API over real HTTP, on the example workspace's data and rules. */
class InboxApiTest {
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
    runtime = TestWorkspaces.openExample(data);
    server = ApiServer.start(runtime, "127.0.0.1", 0, Map::of);
    analyst = TestWorkspaces.userToken(runtime, "ana", Role.ANALYST, Set.of());
    viewer = TestWorkspaces.userToken(runtime, "vera", Role.VIEWER, Set.of());
    airlinesOnly = TestWorkspaces.userToken(runtime, "client", Role.ANALYST, Set.of("airlines"));
  }

  @AfterAll
  static void stop() {
    server.close();
    runtime.close();
  }

  static HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode ok(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  static long firstBahnItem() throws Exception {
    JsonNode list = ok(send("GET", "/api/projects/bahn/inbox", viewer, null), 200);
    return list.get("items").get(0).get("id").asLong();
  }

  @Test
  void viewersReadTheRulesItems() throws Exception {
    JsonNode list = ok(send("GET", "/api/projects/bahn/inbox?status=all", viewer, null), 200);
    assertThat(list.get("items").size()).isGreaterThanOrEqualTo(2);
    assertThat(list.get("counts").get("open").asInt()).isGreaterThanOrEqualTo(2);
    JsonNode first = list.get("items").get(0);
    assertThat(first.get("rule").asText()).isNotBlank();
    assertThat(first.get("response_clock").get("target_minutes").asInt()).isEqualTo(240);
    assertThat(first.get("response_clock").get("business_hours").asText())
        .isEqualTo("mon-fri 09:00-17:00 Europe/Berlin");
    JsonNode item = ok(send("GET", "/api/inbox/" + first.get("id").asLong(), viewer, null), 200);
    assertThat(item.get("log").get(0).get("kind").asText()).isEqualTo("created");
    assertThat(item.get("log").get(0).get("actor").isNull()).isTrue();
  }

  @Test
  void viewersMayNotChangeAnything() throws Exception {
    long id = firstBahnItem();
    assertThat(send("PATCH", "/api/inbox/" + id, viewer, "{\"status\":\"done\"}").statusCode())
        .isEqualTo(403);
    assertThat(send("POST", "/api/inbox/" + id + "/notes", viewer, "{\"text\":\"x\"}").statusCode())
        .isEqualTo(403);
    assertThat(
            send(
                    "POST",
                    "/api/projects/bahn/inbox/replies",
                    viewer,
                    "{\"name\":\"a\",\"text\":\"b\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(ok(send("GET", "/api/inbox/" + id, viewer, null), 200).get("status").asText())
        .isEqualTo("open");
  }

  @Test
  void anAccountLimitedToOtherProjectsSeesNoItemOfThisOne() throws Exception {
    long id = firstBahnItem();
    HttpResponse<String> refused = send("GET", "/api/inbox/" + id, airlinesOnly, null);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("may not see the project 'bahn'");
    assertThat(send("GET", "/api/projects/bahn/inbox", airlinesOnly, null).statusCode())
        .isEqualTo(403);
    assertThat(
            send("PATCH", "/api/inbox/" + id, airlinesOnly, "{\"status\":\"done\"}").statusCode())
        .isEqualTo(403);
    assertThat(send("GET", "/api/projects/airlines/inbox", airlinesOnly, null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void analystsWorkAnItemAndBadInputIsNamed() throws Exception {
    String postId =
        runtime
            .store()
            .search(new SearchRequest("Flixbus AND Glückssache", "bahn", null, null, 1))
            .posts()
            .get(0)
            .post()
            .id();
    String body = JSON.writeValueAsString(Map.of("post_id", postId));
    JsonNode created = ok(send("POST", "/api/projects/bahn/inbox", analyst, body), 201);
    long id = created.get("id").asLong();
    assertThat(created.get("rule").isNull()).isTrue();
    // again: the same item, not a second one
    assertThat(ok(send("POST", "/api/projects/bahn/inbox", analyst, body), 200).get("id").asLong())
        .isEqualTo(id);
    assertThat(send("POST", "/api/projects/airlines/inbox", analyst, body).statusCode())
        .isEqualTo(404);

    JsonNode changed =
        ok(
            send(
                "PATCH",
                "/api/inbox/" + id,
                analyst,
                "{\"assignee\":\"ana\",\"status\":\"pending\",\"priority\":\"high\","
                    + "\"tags\":[\"Flixbus\",\"vergleich\"]}"),
            200);
    assertThat(changed.get("assignee").asText()).isEqualTo("ana");
    assertThat(changed.get("status").asText()).isEqualTo("pending");
    assertThat(changed.get("priority").asText()).isEqualTo("high");
    assertThat(changed.get("tags").toString()).isEqualTo("[\"flixbus\",\"vergleich\"]");
    assertThat(changed.get("response_clock").get("running").asBoolean()).isFalse();

    HttpResponse<String> bad =
        send("PATCH", "/api/inbox/" + id, analyst, "{\"status\":\"closed\",\"priority\":\"low\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("status 'closed' is not one of open, pending, done");
    assertThat(send("PATCH", "/api/inbox/" + id, analyst, "{\"colour\":\"red\"}").body())
        .contains("unknown fields [colour]");
    assertThat(send("PATCH", "/api/inbox/" + id, analyst, "{\"assignee\":\"vera\"}").body())
        .contains("'vera' is a viewer and may not work on items");

    ok(send("POST", "/api/inbox/" + id + "/notes", analyst, "{\"text\":\"Kurz warten.\"}"), 201);
    HttpResponse<String> badLink =
        send(
            "POST",
            "/api/inbox/" + id + "/responses",
            analyst,
            "{\"text\":\"Danke!\",\"url\":\"ftp://x\"}");
    assertThat(badLink.statusCode()).isEqualTo(400);
    assertThat(badLink.body()).contains("the link 'ftp://x' is not a web address");
    JsonNode answered =
        ok(
            send(
                "POST",
                "/api/inbox/" + id + "/responses",
                analyst,
                "{\"text\":\"Danke!\",\"url\":\"https://bahn.example/c/1\"}"),
            201);
    assertThat(answered.get("responded").isNull()).isFalse();
    JsonNode item = ok(send("GET", "/api/inbox/" + id, analyst, null), 200);
    assertThat(item.get("log").findValuesAsText("kind"))
        .containsExactly("created", "assigned", "status", "priority", "tags", "note", "response");
    assertThat(item.get("log").get(6).get("url").asText()).isEqualTo("https://bahn.example/c/1");

    JsonNode mine =
        ok(send("GET", "/api/projects/bahn/inbox?assignee=me&status=pending", analyst, null), 200);
    assertThat(mine.get("items").findValuesAsText("id")).containsExactly(Long.toString(id));
    assertThat(send("GET", "/api/projects/bahn/inbox?status=closed", analyst, null).body())
        .contains("status 'closed' is not one of open, pending, done (or active, all)");
    assertThat(send("GET", "/api/inbox/999999", analyst, null).statusCode()).isEqualTo(404);
  }

  @Test
  void savedRepliesAreManagedByAnalysts() throws Exception {
    JsonNode reply =
        ok(
            send(
                "POST",
                "/api/projects/airlines/inbox/replies",
                analyst,
                "{\"name\":\"Sorry\",\"text\":\"We are sorry to hear that.\"}"),
            201);
    assertThat(
            send(
                    "POST",
                    "/api/projects/airlines/inbox/replies",
                    analyst,
                    "{\"name\":\"Sorry\",\"text\":\"Again\"}")
                .body())
        .contains("there is a saved reply named 'Sorry' already");
    assertThat(ok(send("GET", "/api/projects/airlines/inbox/replies", viewer, null), 200).size())
        .isEqualTo(1);
    assertThat(
            send(
                    "DELETE",
                    "/api/projects/airlines/inbox/replies/" + reply.get("id").asLong(),
                    viewer,
                    null)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            send(
                    "DELETE",
                    "/api/projects/airlines/inbox/replies/" + reply.get("id").asLong(),
                    analyst,
                    null)
                .statusCode())
        .isEqualTo(204);
    assertThat(ok(send("GET", "/api/projects/airlines/inbox/replies", viewer, null), 200).size())
        .isZero();
  }
}
