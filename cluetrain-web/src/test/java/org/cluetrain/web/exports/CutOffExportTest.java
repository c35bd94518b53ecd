package org.cluetrain.web.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cluetrain.access.Role;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.audit.AuditEntry;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.audit.AuditQuery;
import org.cluetrain.model.Author;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.cluetrain.store.StoredPost;
import org.cluetrain.web.ApiServer;
import org.cluetrain.web.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export whose reader goes away midway is cut off, and the audit log says so. */
class CutOffExportTest {
  @TempDir Path data;

  @Test
  void aDownloadAbandonedMidwayIsRecordedAsCutOff() throws Exception {
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, TestWorkspaces.example())) {
      SourceRef forum =
          new SourceRef("forum:test", SourceType.FORUM, "Forum", "https://forum.example/");
      String text = "Verspätung ".repeat(400); // about 4 KiB a post: far more than any buffer
      List<StoredPost> posts = new ArrayList<>();
      for (int i = 0; i < 5_000; i++) {
        posts.add(
            new StoredPost(
                Post.builder()
                    .id("big-" + i)
                    .source(forum)
                    .threadId("big-" + i)
                    .kind(PostKind.POST)
                    .author(new Author("a" + i, "A" + i, null, null))
                    .text(text + i)
                    .published(Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i))
                    .lang("de")
                    .project("airlines")
                    .build(),
                List.of()));
      }
      runtime.store().store(posts);
      runtime.access().addUser("ana", Role.ANALYST, "a long enough secret", Set.of());
      String token = runtime.access().createToken("ana", "cut off");
      ApiServer server = ApiServer.start(runtime, "127.0.0.1", 0, Map::of);
      try {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
          socket.setReceiveBufferSize(4096);
          OutputStream request = socket.getOutputStream();
          request.write(
              ("GET /api/projects/airlines/exports/mentions?format=ndjson&query=%40all HTTP/1.1\r\n"
                      + "Host: 127.0.0.1\r\n"
                      + "Authorization: Bearer "
                      + token
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          request.flush();
          InputStream answer = socket.getInputStream();
          byte[] first = answer.readNBytes(8192);
          assertThat(new String(first, StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200");
        } // the reader goes away with 20 MB still to come

        AuditEntry entry = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (entry == null && System.nanoTime() < deadline) {
          List<AuditEntry> found =
              runtime.audit().find(new AuditQuery(AuditKind.EXPORT, "ana", null, null, 0, 10));
          entry = found.isEmpty() ? null : found.get(0);
          Thread.sleep(100);
        }
        assertThat(entry).as("an audit entry of the export").isNotNull();
        assertThat(entry.event().target()).isEqualTo("airlines");
        assertThat(entry.event().detail()).startsWith("mentions as NDJSON: cut off after ");
      } finally {
        server.close();
      }
    }
  }
}
