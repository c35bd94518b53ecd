package org.cluetrain.connectors.bluesky;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cluetrain.connectors.source.ApiClient;
import org.cluetrain.connectors.source.ApiReplayServer;
import org.cluetrain.connectors.source.SourceHarness;
import org.cluetrain.connectors.source.SourceRunner;
import org.cluetrain.ingest.GapReason;
import org.cluetrain.jdbc.JdbcStorage;
import org.cluetrain.model.Post;
import org.cluetrain.testkit.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jetstream connector against a WebSocket server on loopback that plays scripted connections:
 * events as Jetstream's documentation shows them (a commit creating an {@code app.bsky.feed.post}),
 * a connection dropped mid-stream, a handshake refused with {@code 429}.
 */
class JetstreamSourceTest {
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
  private static final String DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz";

  @TempDir Path directory;

  private final Deque<Connection> script = new ConcurrentLinkedDeque<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private ServerSocket server;
  private Thread serving;
  private SourceHarness harness;
  private ManualClock clock;
  private List<Post> stored;
  private JdbcStorage storage;

  /** What one connection does: refuse with a status, or send messages, then drop or stay. */
  private record Connection(int status, List<String> messages, boolean drop) {}

  @BeforeEach
  void start() throws IOException {
    server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    serving = new Thread(this::serve, "jetstream-test");
    serving.setDaemon(true);
    serving.start();
    harness = new SourceHarness(directory, T0);
    clock = harness.clock;
    stored = harness.stored;
    storage = harness.storage;
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
    harness.close();
  }

  private void serve() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Connection connection = script.poll();
        try {
          play(socket, connection == null ? new Connection(503, List.of(), true) : connection);
        } finally {
          if (connection == null || connection.drop() || connection.status() != 101) {
            // the frames sent arrive, then the connection ends without a close frame (a bare
            // close could reset it and lose frames still in flight)
            socket.shutdownOutput();
            drain(socket);
            socket.close();
          }
        }
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** Reads what the client still sends until it, too, lets go, or for at most a second. */
  private static void drain(Socket socket) {
    try {
      socket.setSoTimeout(1000);
      byte[] buffer = new byte[4096];
      while (socket.getInputStream().read(buffer) >= 0) {
        // discarded
      }
    } catch (IOException done) {
      // timed out or reset: the connection is over either way
    }
  }

  private void play(Socket socket, Connection connection) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    String key = "";
    String line = in.readLine();
    requests.add(line.split(" ")[1]);
    while ((line = in.readLine()) != null && !line.isEmpty()) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("sec-websocket-key:")) {
        key = line.substring(line.indexOf(':') + 1).strip();
      }
    }
    OutputStream out = socket.getOutputStream();
    if (connection.status() != 101) {
      out.write(
          ("HTTP/1.1 "
                  + connection.status()
                  + " Refused\r\nRetry-After: 600\r\nContent-Length: 0\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return;
    }
    String accept;
    try {
      accept =
          Base64.getEncoder()
              .encodeToString(
                  MessageDigest.getInstance("SHA-1")
                      .digest(
                          (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                              .getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
    out.write(
        ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: "
                + accept
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    for (String message : connection.messages()) {
      byte[] payload = message.getBytes(StandardCharsets.UTF_8);
      out.write(0x81);
      if (payload.length < 126) {
        out.write(payload.length);
      } else {
        out.write(126);
        out.write(payload.length >> 8);
        out.write(payload.length & 0xff);
      }
      out.write(payload);
    }
    out.flush();
  }

  /** A Jetstream commit event creating a post, {@code seconds} after T0. */
  private static String post(String rkey, long seconds, String text) {
    long micros = (T0.getEpochSecond() + seconds) * 1_000_000 + 42;
    return """
        {"did": "%s", "time_us": %d, "kind": "commit",
         "commit": {"rev": "3l3qo2vuowo2b", "operation": "create",
           "collection": "app.bsky.feed.post", "rkey": "%s",
           "record": {"$type": "app.bsky.feed.post", "createdAt": "%s",
             "langs": ["en"], "text": "%s"},
           "cid": "bafyreidwaivazkwu67xztlmuobx35hs2lnfh3kolmgfmucldvhd3sgzcqi"}}
        """
        .formatted(DID, micros, rkey, T0.plusSeconds(seconds), text);
  }

  private static long micros(long seconds) {
    return (T0.getEpochSecond() + seconds) * 1_000_000 + 42;
  }

  private JetstreamSource source() {
    ApiClient client = ApiReplayServer.client(clock);
    return new JetstreamSource(
        new JetstreamSource.Settings(
            "acme",
            JetstreamSource.termsOf(List.of("\"acme sync\" OR acme* -lang:fr")),
            Duration.ofMinutes(1),
            URI.create("ws://127.0.0.1:" + server.getLocalPort()),
            Duration.ofMillis(500),
            1000),
        client,
        clock);
  }

  @Test
  void theProjectsTermsComeFromItsQueries() {
    assertThat(
            JetstreamSource.termsOf(
                List.of("\"deutsche bahn\" OR @db_bahn OR (bahn* NEAR/5 Verspätung) -lang:fr")))
        .containsExactly("deutsche bahn", "db_bahn", "bahn", "verspätung");
  }

  @Test
  void aStreamDroppedMidwayResumesFromItsCursorWithoutGapOrDuplicate() throws Exception {
    JetstreamSource source = source();
    script.add(new Connection(101, List.of(post("3la01", 1, "Acme sync is down again")), false));
    script.add(
        new Connection(
            101,
            List.of(
                post("3la01", 1, "Acme sync is down again"),
                post("3la02", 120, "acme support answered"),
                post("3la03", 121, "lunch"),
                post("3la04", 180, "ACME widgets for sale")),
            true));
    script.add(
        new Connection(
            101,
            List.of(
                post("3la04", 180, "ACME widgets for sale"),
                post("3la05", 240, "still no acme sync"),
                post("3la06", 700, "the present")),
            false));
    List<String> restarts = new ArrayList<>();
    try (SourceRunner runner = harness.runner(source)) {
      runner.pollDue();
      clock.advance(Duration.ofMinutes(5));
      runner.pollDue();
    }
    restarts.add(storage.sourceStates().cursor(source.id()).orElseThrow());
    clock.advance(Duration.ofMinutes(5));
    try (SourceRunner runner = harness.runner(source)) {
      runner.pollDue();
    }
    assertThat(stored)
        .extracting(Post::id)
        .containsExactly(
            "bluesky:" + DID + "/3la01",
            "bluesky:" + DID + "/3la02",
            "bluesky:" + DID + "/3la04",
            "bluesky:" + DID + "/3la05");
    String subscribe = "/subscribe?wantedCollections=app.bsky.feed.post&cursor=";
    assertThat(requests)
        .hasSize(3)
        .startsWith(subscribe + (T0.getEpochSecond() * 1_000_000), subscribe + micros(1));
    // the third resumes from the last event that arrived before the drop (frames in flight when a
    // connection breaks may be lost; the cursor never passes them)
    assertThat(requests.get(2)).isIn(subscribe + micros(121), subscribe + micros(180));
    assertThat(restarts.get(0))
        .isIn(
            T0.plusSeconds(121).plusNanos(42_000) + "|at://" + DID + "/app.bsky.feed.post/3la03",
            T0.plusSeconds(180).plusNanos(42_000) + "|at://" + DID + "/app.bsky.feed.post/3la04");
    assertThat(harness.gaps(source)).isEmpty();
    assertThat(stored.get(0).url()).isEqualTo("https://bsky.app/profile/" + DID + "/post/3la01");
  }

  @Test
  void aRefusedHandshakeIsARateLimitGap() throws Exception {
    JetstreamSource source = source();
    script.add(new Connection(429, List.of(), true));
    try (SourceRunner runner = harness.runner(source)) {
      runner.pollDue();
    }
    assertThat(harness.gaps(source))
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.reason()).isEqualTo(GapReason.RATE_LIMITED);
              assertThat(g.detail()).contains("HTTP 429");
            });
    assertThat(stored).isEmpty();
  }
}
