package org.cluetrain.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cluetrain.access.Role;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.json.Json;
import org.cluetrain.web.ApiServer;
import org.cluetrain.web.TestWorkspaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log against a real server: sign-ins (failed ones with the name tried), user changes and
 * token issues are recorded with the client's address, never with a password or a token's secret;
 * only admins read it, through the page, the API and the export.
 */
class AuditLogWebTest {
  private static final String ADMIN_PASSWORD = "admin secret 12345";
  private static final String VIEWER_PASSWORD = "viewer secret 12345";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path data;
  EmbeddedRuntime runtime;
  ApiServer server;
  String adminToken;
  String viewerToken;

  @BeforeEach
  void start() throws Exception {
    runtime = EmbeddedRuntime.open(data, TestWorkspaces.example());
    server = ApiServer.start(runtime, "127.0.0.1", 0, Map::of);
    runtime.access().addUser("ada", Role.ADMIN, ADMIN_PASSWORD, Set.of());
    runtime.access().addUser("vera", Role.VIEWER, VIEWER_PASSWORD, Set.of());
    adminToken = runtime.access().createToken("ada", "audit test");
    viewerToken = runtime.access().createToken("vera", "audit test");
  }

  @AfterEach
  void stop() {
    server.close();
    runtime.close();
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> signIn(String name, String password) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "name=" + enc(name) + "&password=" + enc(password)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private List<JsonNode> entries(String query) throws Exception {
    HttpResponse<String> response = get("/api/audit" + query, adminToken);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> entries = new ArrayList<>();
    Json.mapper().readTree(response.body()).path("entries").forEach(entries::add);
    return entries;
  }

  @Test
  void signInsFailedSignInsAndSignOutsAreRecordedWithTheClientsAddress() throws Exception {
    assertThat(signIn("vera", VIEWER_PASSWORD).statusCode()).isEqualTo(302);
    assertThat(signIn("vera", "wrong password 1").statusCode()).isEqualTo(401);
    assertThat(signIn("nobody-here", "wrong password 2").statusCode()).isEqualTo(401);

    List<JsonNode> failed = entries("?kind=sign-in-failed");
    assertThat(failed)
        .extracting(e -> e.path("target").asText())
        .containsExactly("nobody-here", "vera");
    assertThat(failed)
        .allSatisfy(
            e -> {
              assertThat(e.path("actor").asText()).isEqualTo("anonymous");
              assertThat(e.path("address").asText()).isEqualTo("127.0.0.1");
            });
    assertThat(entries("?kind=sign-in&actor=vera"))
        .singleElement()
        .satisfies(e -> assertThat(e.path("target").asText()).isEqualTo("vera"));

    String everything = get("/api/audit/export?format=ndjson", adminToken).body();
    assertThat(everything)
        .doesNotContain(VIEWER_PASSWORD, "wrong password 1", "wrong password 2", adminToken);
  }

  /** A browser signed in as the admin: its session cookie and its forms' CSRF token. */
  private record Browser(String cookie, String csrf) {}

  private Browser signInAsAdmin() throws Exception {
    HttpResponse<String> signedIn = signIn("ada", ADMIN_PASSWORD);
    String cookie =
        signedIn.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("cluetrain_session="))
            .map(c -> c.substring(0, c.indexOf(';')))
            .findFirst()
            .orElseThrow();
    String page =
        HTTP.send(
                HttpRequest.newBuilder(uri("/account")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    java.util.regex.Matcher csrf =
        java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(csrf.find()).as("a CSRF token on the account page").isTrue();
    return new Browser(cookie, csrf.group(1));
  }

  private int submit(Browser browser, String path, String form) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(uri(path))
                .header("Cookie", browser.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(browser.csrf())))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  @Test
  void userChangesPasswordResetsAndTokensFromTheWebApplicationAreRecorded() throws Exception {
    Browser admin = signInAsAdmin();
    String newPassword = "new user secret 987";
    assertThat(submit(admin, "/admin/users", "name=nina&role=viewer&password=" + enc(newPassword)))
        .isEqualTo(302);
    assertThat(submit(admin, "/admin/users/nina", "role=analyst")).isEqualTo(302);
    assertThat(submit(admin, "/admin/users/nina/password", "password=" + enc("reset secret 4567")))
        .isEqualTo(302);
    assertThat(submit(admin, "/account/tokens", "label=reports")).isEqualTo(201);

    assertThat(entries("?actor=ada"))
        .extracting(e -> e.path("kind").asText() + " " + e.path("target").asText())
        .containsSubsequence(
            "token-issued ada",
            "password-reset nina",
            "role-changed nina",
            "user-created nina",
            "sign-in ada");
    assertThat(entries("?kind=role-changed"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.path("detail").asText())
                    .isEqualTo("was role viewer, projects all, now role analyst, projects all"));
    String everything = get("/api/audit/export?format=csv", adminToken).body();
    assertThat(everything).doesNotContain(newPassword, "reset secret 4567", ADMIN_PASSWORD);
  }

  @Test
  void onlyAdminsReadTheLogThroughThePageTheApiAndTheExport() throws Exception {
    runtime.audit().record("ada", org.cluetrain.audit.AuditKind.ROLE_CHANGED, "vera", "x", "::1");
    assertThat(get("/api/audit", viewerToken).statusCode()).isEqualTo(403);
    assertThat(get("/admin/audit", viewerToken).statusCode()).isEqualTo(403);
    assertThat(get("/api/audit/export", viewerToken).statusCode()).isEqualTo(403);

    HttpResponse<String> page = get("/admin/audit?kind=role-changed", adminToken);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("role-changed", "vera", "::1");

    HttpResponse<String> csv = get("/api/audit/export?format=csv&kind=role-changed", adminToken);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    assertThat(csv.body().lines())
        .containsExactly("id,at,actor,kind,target,detail,address", firstCsvLine(csv.body()));
    assertThat(csv.body()).contains(",ada,role-changed,vera,x,::1");
    // exporting the log is itself recorded
    assertThat(entries("?kind=export"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.path("actor").asText()).isEqualTo("ada");
              assertThat(e.path("target").asText()).isEqualTo("audit-log");
            });
  }

  private static String firstCsvLine(String csv) {
    return csv.lines().skip(1).findFirst().orElseThrow();
  }

  @Test
  void filtersThatCannotBeReadAreRefusedNamingTheParameter() throws Exception {
    HttpResponse<String> kind = get("/api/audit?kind=coffee", adminToken);
    assertThat(kind.statusCode()).isEqualTo(400);
    assertThat(kind.body()).contains("coffee", "sign-in-failed");
    HttpResponse<String> from = get("/api/audit?from=yesterday", adminToken);
    assertThat(from.statusCode()).isEqualTo(400);
    assertThat(from.body()).contains("from", "yesterday");
    HttpResponse<String> limit = get("/api/audit?limit=5000", adminToken);
    assertThat(limit.statusCode()).isEqualTo(400);
    assertThat(limit.body()).contains("limit", "1000");
    HttpResponse<String> format = get("/api/audit/export?format=xml", adminToken);
    assertThat(format.statusCode()).isEqualTo(400);
    assertThat(format.body()).contains("xml", "csv or ndjson");
  }

  @Test
  void pagesOfTheLogFollowOneAnother() throws Exception {
    for (int i = 0; i < 7; i++) {
      runtime.audit().record("ada", org.cluetrain.audit.AuditKind.EXPORT, "p" + i, "", "::1");
    }
    HttpResponse<String> first = get("/api/audit?limit=3", adminToken);
    JsonNode json = Json.mapper().readTree(first.body());
    assertThat(json.path("total").asLong()).isEqualTo(7);
    assertThat(entries("?limit=3&offset=0"))
        .extracting(e -> e.path("target").asText())
        .containsExactly("p6", "p5", "p4");
    assertThat(entries("?limit=3&offset=6"))
        .extracting(e -> e.path("target").asText())
        .containsExactly("p0");
  }
}
