package org.cluetrain.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cluetrain.access.Role;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.connectors.net.AddressBlock;
import org.cluetrain.web.ApiServer;
import org.cluetrain.web.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running behind a reverse proxy, against a real server on loopback (raw HTTP, so that the test
 * chooses every header, Host included): {@code X-Forwarded-Proto} counts only from a trusted proxy,
 * and requests naming a host the server is not (DNS rebinding) are refused.
 */
class ReverseProxyTest {
  private static final String PASSWORD = "viewer secret 12345";

  @TempDir Path data;

  /** Sends one request with exactly these headers; answers the whole response as text. */
  private static String send(int port, String method, String path, String host, String... more)
      throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      if (host != null) {
        request.append("Host: ").append(host).append("\r\n");
      }
      String body = "";
      for (String header : more) {
        if (header.startsWith("body:")) {
          body = header.substring(5);
        } else {
          request.append(header).append("\r\n");
        }
      }
      if (!body.isEmpty()) {
        request
            .append("Content-Type: application/x-www-form-urlencoded\r\n")
            .append("Content-Length: ")
            .append(body.getBytes(StandardCharsets.UTF_8).length)
            .append("\r\n");
      }
      request.append("Connection: close\r\n\r\n").append(body);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      return response.toString(StandardCharsets.UTF_8);
    }
  }

  private static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }

  private static String sessionCookie(String response) {
    return response
        .lines()
        .filter(l -> l.regionMatches(true, 0, "Set-Cookie: cluetrain_session=", 0, 30))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in\n" + response));
  }

  private String signInWithForwardedProto(Workspace workspace) throws Exception {
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace);
        ApiServer server = ApiServer.start(runtime, "127.0.0.1", 0, Map::of)) {
      runtime.access().addUser("vera", Role.VIEWER, PASSWORD, Set.of());
      String response =
          send(
              server.port(),
              "POST",
              "/login",
              "localhost:" + server.port(),
              "X-Forwarded-Proto: https",
              "body:name=vera&password=" + PASSWORD.replace(" ", "+"));
      assertThat(status(response)).as(response).isEqualTo(302);
      return sessionCookie(response);
    }
  }

  @Test
  void forwardedProtoFromAnyoneButATrustedProxyIsIgnored() throws Exception {
    String untrusted = signInWithForwardedProto(TestWorkspaces.example());
    assertThat(untrusted).doesNotContainIgnoringCase("secure");
  }

  @Test
  void forwardedProtoFromATrustedProxyMakesTheSessionCookieSecure() throws Exception {
    String trusted =
        signInWithForwardedProto(
            TestWorkspaces.example().withTrustedProxies(List.of(AddressBlock.parse("127.0.0.1"))));
    assertThat(trusted).containsIgnoringCase("; Secure");
  }

  @Test
  void requestsNamingAnotherHostAreRefusedDnsRebinding() throws Exception {
    Workspace workspace =
        TestWorkspaces.example().withPublicHosts(List.of("listening.example.org"));
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace);
        ApiServer server = ApiServer.start(runtime, "127.0.0.1", 0, Map::of)) {
      int port = server.port();
      String rebound = send(port, "GET", "/login", "attacker.example:" + port);
      assertThat(status(rebound)).isEqualTo(421);
      assertThat(rebound).contains("attacker.example", "network.public-hosts");
      String api = send(port, "GET", "/api/status", "attacker.example");
      assertThat(status(api)).isEqualTo(421);
      assertThat(api).contains("\"error\"");
      // a malformed Host is refused too, by the HTTP server itself or by the guard
      assertThat(status(send(port, "GET", "/login", "a b"))).isIn(400, 421);

      for (String own :
          List.of(
              "localhost:" + port,
              "127.0.0.1:" + port,
              "[::1]:" + port,
              "listening.example.org",
              "LISTENING.example.org:443")) {
        assertThat(status(send(port, "GET", "/login", own))).as(own).isEqualTo(200);
      }
    }
  }
}
