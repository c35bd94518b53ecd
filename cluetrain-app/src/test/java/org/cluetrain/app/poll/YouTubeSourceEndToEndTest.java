package org.cluetrain.app.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.ingest.Source;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.pipeline.BatchOutcome;
import org.cluetrain.store.StoredPost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A YouTube video declared in the workspace, its comments read from the Data API on loopback
 * through the whole embedded pipeline: stored with their replies, once however often they are read.
 */
class YouTubeSourceEndToEndTest {
  /**
   * A {@code commentThreads} answer of the documented shape, written for this test (fictional
   * content): one thread with one reply.
   */
  private static final String THREADS =
      """
      {"kind": "youtube#commentThreadListResponse",
       "pageInfo": {"totalResults": 1, "resultsPerPage": 100},
       "items": [{
         "kind": "youtube#commentThread", "id": "UgzE2eThread",
         "snippet": {
           "videoId": "dQw4acme001", "totalReplyCount": 1, "canReply": true, "isPublic": true,
           "topLevelComment": {"kind": "youtube#comment", "id": "UgzE2eThread", "snippet": {
             "videoId": "dQw4acme001", "textDisplay": "Acme sync drops rows since 4.2.",
             "textOriginal": "Acme sync drops rows since 4.2.", "authorDisplayName": "@mariak",
             "authorChannelUrl": "http://www.youtube.com/@mariak",
             "authorChannelId": {"value": "UCmaria0000000000000001"}, "likeCount": 4,
             "publishedAt": "2026-11-30T08:00:00Z", "updatedAt": "2026-11-30T08:00:00Z"}}},
         "replies": {"comments": [{"kind": "youtube#comment", "id": "UgzE2eThread.reply1",
           "snippet": {"videoId": "dQw4acme001", "parentId": "UgzE2eThread",
             "textDisplay": "A fix comes with 4.2.1.", "textOriginal": "A fix comes with 4.2.1.",
             "authorDisplayName": "@AcmeWidgets",
             "authorChannelId": {"value": "UCacmeWidgets000000000"}, "likeCount": 1,
             "publishedAt": "2026-11-30T08:30:00Z", "updatedAt": "2026-11-30T08:30:00Z"}}]}
       }]}
      """;

  @TempDir Path dir;

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/youtube/v3/commentThreads",
        exchange -> {
          try (exchange) {
            requests.add(exchange.getRequestURI().toString());
            byte[] body = THREADS.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aVideosCommentsAreStoredWithTheirRepliesOnceHoweverOftenTheyAreRead() throws Exception {
    Path file = dir.resolve("cluetrain.yaml");
    Files.writeString(
        file,
        """
        network:
          allow: [127.0.0.1]
        projects:
          - name: acme
            sources:
              - youtube: {video: dQw4acme001}
                key-env: YOUTUBE_KEY
                api: http://127.0.0.1:%d
        """
            .formatted(server.getAddress().getPort()));
    Workspace workspace = WorkspaceReader.read(file);
    List<String> problems = new ArrayList<>();
    List<Source> sources =
        LiveSources.sources(
            workspace, workspace.network(), Map.of("YOUTUBE_KEY", "AIza-e2e")::get, problems::add);
    assertThat(problems).isEmpty();
    Source youtube = sources.get(0);

    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(dir.resolve("data"), workspace)) {
      Source.Batch first = youtube.poll(null);
      BatchOutcome outcome = runtime.pipeline().process(first.posts());
      assertThat(outcome.stored()).isEqualTo(2);
      assertThat(requests)
          .singleElement()
          .satisfies(r -> assertThat(r).contains("videoId=dQw4acme001").endsWith("&key=AIza-e2e"));
      Post reply =
          runtime.store().get("youtube:UgzE2eThread.reply1").map(StoredPost::post).orElseThrow();
      assertThat(reply.kind()).isEqualTo(PostKind.REPLY);
      assertThat(reply.parentId()).isEqualTo("youtube:UgzE2eThread");
      assertThat(reply.threadId()).isEqualTo("youtube:dQw4acme001");
      assertThat(reply.project()).isEqualTo("acme");
      long count = runtime.store().count();

      BatchOutcome again = runtime.pipeline().process(youtube.poll(null).posts());
      assertThat(again.stored()).isZero();
      assertThat(again.alreadyKnown()).isEqualTo(2);
      assertThat(youtube.poll(first.cursor()).posts()).isEmpty();
      assertThat(runtime.store().count()).isEqualTo(count);
    }
  }
}
