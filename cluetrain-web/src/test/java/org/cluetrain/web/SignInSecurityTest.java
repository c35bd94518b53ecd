package org.cluetrain.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.cluetrain.connectors.net.AddressBlock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signing in against a real server: where it redirects afterwards, what malformed headers get, and
 * how failed attempts are counted behind a trusted reverse proxy (the test's loopback address).
 */
class SignInSecurityTest {
  @TempDir static Path data;
  static EmbeddedRuntime runtime;
  static ApiServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    runtime =
        EmbeddedRuntime.open(
            data,
            TestWorkspaces.example().withTrustedProxies(List.of(AddressBlock.parse("127.0.0.1"))));
    server = ApiServer.start(runtime, "127.0.0.1", 0, Map::of);
    runtime.access().addUser("vera", Role.VIEWER, "viewer secret 123", Set.of());
    runtime.access().addUser("otto", Role.VIEWER, "viewer secret 123", Set.of());
  }

  @AfterAll
  static void stop() {
    server.close();
    runtime.close();
  }

  static HttpResponse<String> post(String path, String form, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/\t/evil.example",
        "/\n/evil.example",
        "//evil.example",
        "/\\evil.example",
        "\\/evil.example",
        "https://evil.example/",
        "javascript:alert(1)",
        "evil.example",
        "/\u200b/evil.example",
        "/ /evil.example"
      })
  void afterSigningInOnlyPathsOfThisSiteAreFollowed(String next) throws Exception {
    HttpResponse<String> response =
        post(
            "/login",
            "name=otto&password=" + enc("viewer secret 123") + "&next=" + enc(next),
            Map.of());

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).contains("/");
  }

  @Test
  void aPathOfThisSiteIsFollowed() throws Exception {
    HttpResponse<String> response =
        post(
            "/login",
            "name=otto&password=" + enc("viewer secret 123") + "&next=" + enc("/p/bahn?q=a%20b"),
            Map.of());

    assertThat(response.headers().firstValue("Location")).contains("/p/bahn?q=a%20b");
  }

  @Test
  void aMalformedOriginIsABadRequestNamingTheHeader() throws Exception {
    HttpResponse<String> response =
        post(
            "/login",
            "name=otto&password=" + enc("viewer secret 123"),
            Map.of("Origin", "http://a b"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .contains("the Origin header is not a valid origin (scheme://host[:port]): 'http://a b'");
  }

  @Test
  void aMalformedRefererCountsAsNone() throws Exception {
    HttpResponse<String> response =
        post("/language", "language=de", Map.of("Referer", "http://a b/p/bahn"));

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).contains("/");
  }

  @Test
  void behindATrustedProxyFailuresCountPerForwardedClient() throws Exception {
    // the proxy appends the address it saw; what the client wrote to its left is not believed
    Map<String, String> guesser = Map.of("X-Forwarded-For", "198.51.100.7, 203.0.113.5");
    List<Integer> statuses = new java.util.ArrayList<>();
    // delays grow from 1 s: a slow machine may see one more 401 before the first 429
    while (statuses.size() < 10 && !statuses.contains(429)) {
      statuses.add(post("/login", "name=vera&password=wrong", guesser).statusCode());
    }
    assertThat(statuses.subList(0, 5)).containsOnly(401);
    assertThat(statuses).as("the guessing client is slowed down").contains(429);

    // the person, through the same proxy from their own machine, signs in at once
    HttpResponse<String> person =
        post(
            "/login",
            "name=vera&password=" + enc("viewer secret 123"),
            Map.of("X-Forwarded-For", "198.51.100.7"));
    assertThat(person.statusCode()).isEqualTo(302);
    assertThat(person.headers().firstValue("Set-Cookie")).isPresent();
  }
}
