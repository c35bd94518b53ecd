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
import java.util.concurrent.ConcurrentHashMap;
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
 * A forum thread declared in the workspace, read from a board on loopback through the whole
 * embedded pipeline: the posts are stored with their reply structure, once however often they are
 * read.
 */
class ForumSourceEndToEndTest {
  /** A phpBB 3.3 prosilver topic, shortened; written for this test, fictional content. */
  private static final String TOPIC =
      """
      <!DOCTYPE html>
      <html dir="ltr" lang="de"><head><meta charset="utf-8" /><title>Acme X5 Akku</title></head>
      <body id="phpbb" class="nojs notouch section-viewtopic ltr ">
      <h2 class="topic-title"><a href="./viewtopic.php?t=7">Acme X5: Akku hält nur einen Tag</a></h2>
      <div id="p201" class="post has-profile bg2"><div class="inner">
        <dl class="postprofile"><dt><a href="./memberlist.php?mode=viewprofile&amp;u=5" class="username">anna_b</a></dt></dl>
        <div class="postbody"><div id="post_content201">
          <p class="author"><span class="responsive-hide">von <strong><a href="./memberlist.php?mode=viewprofile&amp;u=5" class="username">anna_b</a></strong> &raquo; </span><time datetime="2026-11-30T08:00:00+00:00">Mo 30. Nov 2026, 09:00</time></p>
          <div class="content">Seit Firmware 4.2 hält der Akku meines Acme X5 nur noch einen Tag.</div>
        </div></div></div></div>
      <div id="p202" class="post has-profile bg1"><div class="inner">
        <dl class="postprofile"><dt><a href="./memberlist.php?mode=viewprofile&amp;u=9" class="username">carla</a></dt></dl>
        <div class="postbody"><div id="post_content202">
          <p class="author"><span class="responsive-hide">von <strong><a href="./memberlist.php?mode=viewprofile&amp;u=9" class="username">carla</a></strong> &raquo; </span><time datetime="2026-11-30T09:00:00+00:00">Mo 30. Nov 2026, 10:00</time></p>
          <div class="content">Bei mir auch, seit dem Update.</div>
        </div></div></div></div>
      <div id="p203" class="post has-profile bg2"><div class="inner">
        <dl class="postprofile"><dt><a href="./memberlist.php?mode=viewprofile&amp;u=5" class="username">anna_b</a></dt></dl>
        <div class="postbody"><div id="post_content203">
          <p class="author"><span class="responsive-hide">von <strong><a href="./memberlist.php?mode=viewprofile&amp;u=5" class="username">anna_b</a></strong> &raquo; </span><time datetime="2026-11-30T10:00:00+00:00">Mo 30. Nov 2026, 11:00</time></p>
          <div class="content"><blockquote><div><cite><a href="./memberlist.php?mode=viewprofile&amp;u=9">carla</a> hat geschrieben: <a href="./viewtopic.php?p=202#p202" data-post-id="202">↑</a></cite>Bei mir auch, seit dem Update.</div></blockquote>Dann melde ich es bei Acme.</div>
        </div></div></div></div>
      </body></html>
      """;

  @TempDir Path dir;

  private HttpServer server;
  private final Map<String, String> pages = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String page = pages.get(exchange.getRequestURI().toString());
            byte[] body = page == null ? new byte[0] : page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? 404 : 200, page == null ? -1 : body.length);
            if (page != null) {
              try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
              }
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
  void aForumThreadIsStoredWithItsRepliesOnceHoweverOftenItIsRead() throws Exception {
    pages.put("/viewtopic.php?t=7", TOPIC);
    Path file = dir.resolve("cluetrain.yaml");
    Files.writeString(
        file,
        """
        network:
          allow: [127.0.0.1]
        projects:
          - name: acme
            sources:
              - name: X5-Forum
                forum: http://127.0.0.1:%d/viewtopic.php?t=7
        """
            .formatted(server.getAddress().getPort()));
    Workspace workspace = WorkspaceReader.read(file);
    List<String> problems = new ArrayList<>();
    List<Source> sources =
        LiveSources.sources(
            workspace, workspace.network(), Map.<String, String>of()::get, problems::add);
    assertThat(problems).isEmpty();
    Source forum = sources.get(0);
    assertThat(forum.kind()).isEqualTo("forum");

    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(dir.resolve("data"), workspace)) {
      Source.Batch first = forum.poll(null);
      BatchOutcome outcome = runtime.pipeline().process(first.posts());
      assertThat(outcome.stored()).isEqualTo(3);
      List<Post> thread =
          runtime.store().thread("forum:127.0.0.1/p201", 10).stream()
              .map(StoredPost::post)
              .toList();
      assertThat(thread)
          .extracting(Post::id)
          .containsExactlyInAnyOrder(
              "forum:127.0.0.1/p201", "forum:127.0.0.1/p202", "forum:127.0.0.1/p203");
      Post reply = runtime.store().get("forum:127.0.0.1/p203").map(StoredPost::post).orElseThrow();
      assertThat(reply.kind()).isEqualTo(PostKind.REPLY);
      assertThat(reply.parentId()).isEqualTo("forum:127.0.0.1/p202");
      assertThat(reply.text()).isEqualTo("Dann melde ich es bei Acme.");
      assertThat(reply.project()).isEqualTo("acme");
      Post opener = runtime.store().get("forum:127.0.0.1/p201").map(StoredPost::post).orElseThrow();
      assertThat(opener.title()).isEqualTo("Acme X5: Akku hält nur einen Tag");
      long count = runtime.store().count();

      // read again from the start, as after a lost cursor: nothing is stored twice
      BatchOutcome again = runtime.pipeline().process(forum.poll(null).posts());
      assertThat(again.stored()).isZero();
      assertThat(again.alreadyKnown()).isEqualTo(3);
      // and from the cursor: nothing new, nothing delivered
      assertThat(forum.poll(first.cursor()).posts()).isEmpty();
      assertThat(runtime.store().count()).isEqualTo(count);
    }
  }
}
