package org.cluetrain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
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
import org.cluetrain.web.access.Access;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of the server refuses the anonymous and the under-privileged: walks the server's own
 * route table, so a route added later without the right role fails here.
 */
class AccessTest {
  @TempDir static Path data;
  static EmbeddedRuntime runtime;
  static ApiServer server;
  static String viewerToken;
  static String analystToken;
  static String bahnOnlyToken;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    runtime = EmbeddedRuntime.open(data, TestWorkspaces.example());
    server = ApiServer.start(runtime, "127.0.0.1", 0, Map::of);
    runtime.access().addUser("vera", Role.VIEWER, "viewer secret 123", Set.of());
    runtime.access().addUser("ana", Role.ANALYST, "analyst secret 123", Set.of());
    runtime.access().addUser("client", Role.ANALYST, "client secret 123", Set.of("bahn"));
    viewerToken = runtime.access().createToken("vera", "test");
    analystToken = runtime.access().createToken("ana", "test");
    bahnOnlyToken = runtime.access().createToken("client", "test");
  }

  @AfterAll
  static void stop() {
    server.close();
    runtime.close();
  }

  /** The route's path with its parameters filled in with something plausible. */
  static String concrete(String path) {
    return path.replace("{project}", "airlines")
        .replaceAll("\\{[^}]+}", "x")
        .replaceAll("<[^>]+>", "x");
  }

  static HttpResponse<String> send(String method, String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(
                method,
                method.equals("GET") || method.equals("HEAD")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{}"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyClosedRouteRefusesAnonymousRequests() throws Exception {
    List<ApiServer.Endpoint> closed =
        server.endpoints().stream().filter(e -> !e.roles().contains(Access.PUBLIC)).toList();
    assertThat(closed).hasSizeGreaterThan(10);
    for (ApiServer.Endpoint endpoint : closed) {
      String path = concrete(endpoint.path());
      HttpResponse<String> response = send(endpoint.method(), path, null);
      if (path.startsWith("/api")) {
        assertThat(response.statusCode()).as(endpoint.method() + " " + path).isEqualTo(401);
        assertThat(response.body()).contains("sign in first");
      } else {
        assertThat(response.statusCode()).as(endpoint.method() + " " + path).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse(""))
            .as(endpoint.method() + " " + path)
            .startsWith("/login");
      }
    }
  }

  @Test
  void routesForAnalystsAndAdminsRefuseViewers() throws Exception {
    List<ApiServer.Endpoint> privileged =
        server.endpoints().stream()
            .filter(e -> e.roles().contains(Access.ANALYST) || e.roles().contains(Access.ADMIN))
            .toList();
    assertThat(privileged).isNotEmpty();
    for (ApiServer.Endpoint endpoint : privileged) {
      String path = concrete(endpoint.path());
      HttpResponse<String> response = send(endpoint.method(), path, viewerToken);
      assertThat(response.statusCode())
          .as(endpoint.method() + " " + path + " " + response.body())
          .isEqualTo(403);
    }
  }

  @Test
  void adminRoutesRefuseAnalysts() throws Exception {
    for (ApiServer.Endpoint endpoint : server.endpoints()) {
      if (endpoint.roles().contains(Access.ADMIN)) {
        String path = concrete(endpoint.path());
        assertThat(send(endpoint.method(), path, analystToken).statusCode())
            .as(endpoint.method() + " " + path)
            .isEqualTo(403);
      }
    }
  }

  @Test
  void everyRouteDeclaresWhoMayCallIt() {
    for (ApiServer.Endpoint endpoint : server.endpoints()) {
      assertThat(endpoint.roles())
          .as(endpoint.method() + " " + endpoint.path())
          .hasSize(1)
          .allMatch(Access.class::isInstance);
    }
  }

  @Test
  void anUnknownTokenIsRefused() throws Exception {
    assertThat(send("GET", "/api/status", "ct_not-a-real-token").statusCode()).isEqualTo(401);
    assertThat(send("GET", "/api/status", viewerToken).statusCode()).isEqualTo(200);
  }

  @Test
  void aClientSeesOnlyItsProjects() throws Exception {
    assertThat(send("GET", "/api/stats?project=bahn", bahnOnlyToken).statusCode()).isEqualTo(200);
    HttpResponse<String> other = send("GET", "/api/stats?project=airlines", bahnOnlyToken);
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.body()).contains("may not see the project 'airlines'");
    assertThat(send("GET", "/api/search?q=bahn", bahnOnlyToken).statusCode()).isEqualTo(403);
    assertThat(send("GET", "/api/projects", bahnOnlyToken).body())
        .contains("\"bahn\"")
        .doesNotContain("\"airlines\"");
  }

  @Test
  void signInSetsAHardenedCookieAndFormsNeedTheCsrfToken() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String base = "http://127.0.0.1:" + server.port();
    HttpResponse<String> signIn =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("name=ana&password=" + enc("analyst secret 123") + "&next=/sources"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signIn.statusCode()).isEqualTo(302);
    assertThat(signIn.headers().firstValue("Location")).hasValue("/sources");
    String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");

    HttpResponse<String> withoutToken =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "/api/projects/airlines/labels"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(withoutToken.body()).contains("CSRF");
  }

  @Test
  void wrongPasswordsAreThrottled() throws Exception {
    String base = "http://127.0.0.1:" + server.port();
    int last = 0;
    for (int i = 0; i < 6; i++) {
      last =
          HTTP.send(
                  HttpRequest.newBuilder(URI.create(base + "/login"))
                      .header("Content-Type", "application/x-www-form-urlencoded")
                      .POST(form("name=vera&password=wrong" + i))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .statusCode();
      if (i < 5) {
        assertThat(last).as("attempt " + (i + 1)).isEqualTo(401);
      }
    }
    assertThat(last).isEqualTo(429);
  }

  static HttpRequest.BodyPublisher form(String body) {
    return HttpRequest.BodyPublishers.ofString(body);
  }

  static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
