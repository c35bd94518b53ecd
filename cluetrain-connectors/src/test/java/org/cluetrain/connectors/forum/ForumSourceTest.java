package org.cluetrain.connectors.forum;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cluetrain.connectors.source.ApiReplayServer;
import org.cluetrain.connectors.source.SourceHarness;
import org.cluetrain.connectors.source.SourceRunner;
import org.cluetrain.ingest.GapReason;
import org.cluetrain.json.Json;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceType;
import org.cluetrain.testkit.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forum threads against a forum on loopback that answers with the pages and API answers in {@code
 * forum/} (see its README): one test per engine, following a thread as it grows, a board's threads,
 * and a page no engine made.
 */
class ForumSourceTest {
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

  @TempDir Path directory;

  private ApiReplayServer forum;
  private SourceHarness harness;
  private ManualClock clock;
  private List<Post> stored;

  @BeforeEach
  void start() throws IOException {
    forum = new ApiReplayServer();
    harness = new SourceHarness(directory, T0);
    clock = harness.clock;
    stored = harness.stored;
  }

  @AfterEach
  void stop() {
    forum.close();
    harness.close();
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = ForumSourceTest.class.getResourceAsStream("/forum/" + name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private ForumSource source(String path) {
    return new ForumSource(
        new ForumSource.Settings(
            "acme", URI.create(forum.base() + path), Duration.ofMinutes(15), 20, 30),
        ApiReplayServer.client(clock),
        clock);
  }

  private void pollOnce(ForumSource source) throws InterruptedException {
    try (SourceRunner runner = harness.runner(source)) {
      runner.pollDue();
    }
    clock.advance(Duration.ofMinutes(15));
  }

  private Map<String, Post> byId() {
    return stored.stream().collect(Collectors.toMap(Post::id, Function.identity(), (a, b) -> b));
  }

  @Test
  void aDiscourseTopicKeepsItsRepliesAndOnlyNewPostsAreFetchedAsItGrows() throws Exception {
    ForumSource source = source("/t/sync-drops-rows-after-the-4-2-update/42");
    forum.answer("/t/sync-drops-rows-after-the-4-2-update/42", fixture("discourse/topic.html"));
    forum.answer("/t/42.json", fixture("discourse/topic.json"));
    forum.answer("/t/42/posts.json?post_ids%5B%5D=1003", fixture("discourse/posts.json"));
    pollOnce(source);

    assertThat(stored)
        .extracting(Post::id)
        .containsExactly(
            "forum:127.0.0.1/t/42/1", "forum:127.0.0.1/t/42/2", "forum:127.0.0.1/t/42/3");
    Post opener = stored.get(0);
    assertThat(opener.kind()).isEqualTo(PostKind.POST);
    assertThat(opener.title()).isEqualTo("Sync drops rows after the 4.2 update");
    assertThat(opener.links()).contains("https://example.org/acme-sync-log");
    assertThat(opener.source().type()).isEqualTo(SourceType.FORUM);
    assertThat(opener.author().name()).isEqualTo("maria_k");
    assertThat(opener.published()).isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
    assertThat(stored.get(1).kind()).isEqualTo(PostKind.COMMENT);
    assertThat(stored.get(1).parentId()).isEqualTo("forum:127.0.0.1/t/42/1");
    Post reply = stored.get(2);
    assertThat(reply.kind()).isEqualTo(PostKind.REPLY);
    assertThat(reply.parentId()).isEqualTo("forum:127.0.0.1/t/42/2");
    assertThat(reply.threadId()).isEqualTo("forum:127.0.0.1/t/42/1");
    // the quote stays in the HTML and is not counted as the reply's own words
    assertThat(reply.text()).isEqualTo("Good to hear, until then I stay on 4.1.");
    assertThat(reply.html()).contains("A fix is coming with 4.2.1.");

    // a fourth post quoting the first, without replying to it
    ObjectNode topic = (ObjectNode) Json.mapper().readTree(fixture("discourse/topic.json"));
    ((ArrayNode) topic.path("post_stream").path("stream")).add(1004);
    forum.answer("/t/42.json", topic.toString());
    ObjectNode more = (ObjectNode) Json.mapper().readTree(fixture("discourse/posts.json"));
    ObjectNode fourth = (ObjectNode) more.path("post_stream").path("posts").get(0);
    fourth.put("id", 1004).put("post_number", 4).putNull("reply_to_post_number");
    fourth.put("username", "ole").put("created_at", "2026-11-30T11:00:00.000Z");
    fourth.put(
        "cooked",
        "<aside class=\"quote\" data-username=\"maria_k\" data-post=\"1\" data-topic=\"42\">"
            + "<blockquote><p>drops rows</p></blockquote></aside><p>Same here with 3,000 lines.</p>");
    forum.answer("/t/42/posts.json?post_ids%5B%5D=1004", more.toString());
    int asked = forum.requests.size();
    pollOnce(source);
    pollOnce(source);

    assertThat(stored).hasSize(4);
    Post fourthPost = stored.get(3);
    assertThat(fourthPost.id()).isEqualTo("forum:127.0.0.1/t/42/4");
    assertThat(fourthPost.parentId()).isEqualTo("forum:127.0.0.1/t/42/1");
    assertThat(fourthPost.kind()).isEqualTo(PostKind.COMMENT);
    assertThat(forum.requests.subList(asked, forum.requests.size()))
        .containsExactly("/t/42.json", "/t/42/posts.json?post_ids%5B%5D=1004", "/t/42.json");
    assertThat(harness.gaps(source)).isEmpty();
  }

  @Test
  void aDiscourseTopicAddressedByItsIdAndAPostNumberIsReadWhole() throws Exception {
    ForumSource source = source("/t/42/3");
    forum.answer("/t/42/3", fixture("discourse/topic.html"));
    forum.answer("/t/42.json", fixture("discourse/topic.json"));
    forum.answer("/t/42/posts.json?post_ids%5B%5D=1003", fixture("discourse/posts.json"));
    pollOnce(source);

    assertThat(stored).extracting(Post::id).startsWith("forum:127.0.0.1/t/42/1").hasSize(3);
  }

  @Test
  void aDiscourseCategoryListsTheTopicsToFollow() throws Exception {
    ForumSource source = source("/c/support/5");
    forum.answer("/c/support/5", fixture("discourse/topic.html"));
    forum.answer("/c/support/5.json", fixture("discourse/category.json"));
    forum.answer("/t/42.json", fixture("discourse/topic.json"));
    forum.answer("/t/42/posts.json?post_ids%5B%5D=1003", fixture("discourse/posts.json"));
    ObjectNode other = (ObjectNode) Json.mapper().readTree(fixture("discourse/topic.json"));
    other.put("id", 43).put("title", "Export to CSV misses the header");
    ObjectNode only = (ObjectNode) other.path("post_stream").path("posts").get(0);
    only.put("id", 2001)
        .put("topic_id", 43)
        .put("cooked", "<p>The CSV export has no header row.</p>");
    ((ArrayNode) other.path("post_stream").path("posts")).remove(1);
    ((ArrayNode) other.path("post_stream").path("stream")).removeAll().add(2001);
    forum.answer("/t/43.json", other.toString());
    pollOnce(source);

    assertThat(stored)
        .extracting(Post::id)
        .containsExactly(
            "forum:127.0.0.1/t/43/1",
            "forum:127.0.0.1/t/42/1",
            "forum:127.0.0.1/t/42/2",
            "forum:127.0.0.1/t/42/3");
    assertThat(stored.get(0).title()).isEqualTo("Export to CSV misses the header");
  }

  @Test
  void aPhpbbTopicIsReadOverItsPagesAndOnlyTheLastPageAndNewOnesAreFetchedAgain() throws Exception {
    ForumSource source = source("/viewtopic.php?t=7");
    forum.answer("/viewtopic.php?t=7", fixture("phpbb/viewtopic-1.html"));
    forum.answer("/viewtopic.php?t=7&start=2", fixture("phpbb/viewtopic-2.html"));
    pollOnce(source);

    assertThat(stored)
        .extracting(Post::id)
        .containsExactly("forum:127.0.0.1/p101", "forum:127.0.0.1/p102", "forum:127.0.0.1/p103");
    Post opener = stored.get(0);
    assertThat(opener.kind()).isEqualTo(PostKind.POST);
    assertThat(opener.title()).isEqualTo("Akku hält nach Update nur noch einen Tag");
    assertThat(opener.author().name()).isEqualTo("anna_b");
    assertThat(opener.author().url())
        .isEqualTo(forum.base() + "/memberlist.php?mode=viewprofile&u=54");
    assertThat(opener.url()).isEqualTo(forum.base() + "/viewtopic.php?p=101#p101");
    assertThat(opener.links()).contains("https://example.org/akku-protokoll");
    Post second = stored.get(1);
    assertThat(second.kind()).isEqualTo(PostKind.COMMENT);
    assertThat(second.author().name()).isEqualTo("bernd_mod");
    assertThat(second.published()).isEqualTo(Instant.parse("2026-11-30T08:30:00Z"));
    Post quoting = stored.get(2);
    assertThat(quoting.parentId()).isEqualTo("forum:127.0.0.1/p101");
    assertThat(quoting.threadId()).isEqualTo("forum:127.0.0.1/p101");
    assertThat(quoting.text())
        .isEqualTo("Bei mir hilft es, die Synchronisierung im Hintergrund abzuschalten.");

    // the thread grows: a post on page 2 and a third page
    forum.answer("/viewtopic.php?t=7&start=2", fixture("phpbb/viewtopic-2-grown.html"));
    forum.answer("/viewtopic.php?t=7&start=4", fixture("phpbb/viewtopic-3.html"));
    int asked = forum.requests.size();
    pollOnce(source);

    assertThat(forum.requests.subList(asked, forum.requests.size()))
        .containsExactly("/viewtopic.php?t=7&start=2", "/viewtopic.php?t=7&start=4");
    assertThat(stored)
        .extracting(Post::id)
        .endsWith("forum:127.0.0.1/p104", "forum:127.0.0.1/p105")
        .hasSize(5);
    Post guest = stored.get(3);
    assertThat(guest.author().name()).isEqualTo("Gast");
    assertThat(guest.author().url()).isNull();
    assertThat(guest.parentId()).isEqualTo("forum:127.0.0.1/p101");
    assertThat(harness.gaps(source)).isEmpty();
  }

  @Test
  void aPhpbbBoardListsItsTopicsAndEachIsFollowed() throws Exception {
    ForumSource source = source("/viewforum.php?f=3");
    forum.answer("/viewforum.php?f=3", fixture("phpbb/viewforum.html"));
    forum.answer("/viewtopic.php?t=8", fixture("phpbb/viewtopic-8.html"));
    forum.answer("/viewtopic.php?t=7", fixture("phpbb/viewtopic-1.html"));
    forum.answer("/viewtopic.php?t=7&start=2", fixture("phpbb/viewtopic-2.html"));
    pollOnce(source);

    assertThat(stored)
        .extracting(Post::id)
        .containsExactly(
            "forum:127.0.0.1/p110",
            "forum:127.0.0.1/p101",
            "forum:127.0.0.1/p102",
            "forum:127.0.0.1/p103");
    assertThat(stored.get(0).title()).isEqualTo("Kamera-App stürzt beim Zoomen ab");
    assertThat(stored.get(0).kind()).isEqualTo(PostKind.POST);

    // the next poll reads the board again, and each thread's last page
    int asked = forum.requests.size();
    pollOnce(source);
    assertThat(forum.requests.subList(asked, forum.requests.size()))
        .containsExactly("/viewforum.php?f=3", "/viewtopic.php?t=8", "/viewtopic.php?t=7&start=2");
    assertThat(stored).hasSize(4);
  }

  @Test
  void aXenforoThreadKeepsItsQuotesAsReplies() throws Exception {
    ForumSource source = source("/threads/acme-widget-pro-klemmt.123/");
    forum.answer("/threads/acme-widget-pro-klemmt.123/", fixture("xenforo/thread-page-1.html"));
    forum.answer(
        "/threads/acme-widget-pro-klemmt.123/page-2", fixture("xenforo/thread-page-2.html"));
    pollOnce(source);

    assertThat(stored)
        .extracting(Post::id)
        .containsExactly(
            "forum:127.0.0.1/post-456", "forum:127.0.0.1/post-457", "forum:127.0.0.1/post-458");
    Post opener = stored.get(0);
    assertThat(opener.title()).isEqualTo("Acme Widget Pro klemmt beim Einrasten");
    assertThat(opener.published()).isEqualTo(Instant.ofEpochSecond(1764490320));
    assertThat(opener.url())
        .isEqualTo(forum.base() + "/threads/acme-widget-pro-klemmt.123/post-456");
    assertThat(opener.author().url()).isEqualTo(forum.base() + "/members/kai.12/");
    Post quoting = stored.get(2);
    assertThat(quoting.kind()).isEqualTo(PostKind.REPLY);
    assertThat(quoting.parentId()).isEqualTo("forum:127.0.0.1/post-457");
    assertThat(quoting.text()).startsWith("Hat geklappt, danke!").doesNotContain("leicht fetten");
  }

  @Test
  void aVbulletinThreadReadsItsDatesAndQuotes() throws Exception {
    ForumSource source = source("/showthread.php?t=55");
    forum.answer("/showthread.php?t=55", fixture("vbulletin/showthread.html"));
    pollOnce(source);

    assertThat(stored)
        .extracting(Post::id)
        .containsExactly("forum:127.0.0.1/post789", "forum:127.0.0.1/post790");
    assertThat(stored.get(0).published()).isEqualTo(Instant.parse("2026-11-29T21:12:00Z"));
    assertThat(stored.get(0).title()).isEqualTo("Acme router keeps rebooting");
    Post reply = stored.get(1);
    // "Today" is the day of the poll
    assertThat(reply.published()).isEqualTo(Instant.parse("2026-12-01T08:05:00Z"));
    assertThat(reply.parentId()).isEqualTo("forum:127.0.0.1/post789");
    assertThat(reply.kind()).isEqualTo(PostKind.COMMENT);
    assertThat(reply.text()).isEqualTo("Rolling back to 2.0 fixed it for me.");
  }

  private static final String WP_POST = "/2026/11/28/acme-widgets/";
  private static final String WP_COMMENTS =
      "/wp-json/wp/v2/comments?post=321&per_page=100&orderby=id&order=desc&page=1";

  @Test
  void wordpressCommentsComeThroughTheRestApiWithTheirParents() throws Exception {
    ForumSource source = source(WP_POST);
    forum.answer(WP_POST, fixture("wordpress/post.html"));
    forum.answer(WP_COMMENTS, fixture("wordpress/comments.json"));
    pollOnce(source);

    assertThat(stored)
        .extracting(Post::id)
        .containsExactly(
            "forum:127.0.0.1/post-321",
            "forum:127.0.0.1/comment-12",
            "forum:127.0.0.1/comment-13",
            "forum:127.0.0.1/comment-14");
    assertWordPressThread();
    assertThat(stored.get(1).published()).isEqualTo(Instant.parse("2026-11-28T09:02:00Z"));

    // nothing new: the newest page of comments reaches back to the last one read
    pollOnce(source);
    assertThat(stored).hasSize(4);
    assertThat(forum.requests).containsExactly("/robots.txt", WP_POST, WP_COMMENTS, WP_COMMENTS);
  }

  @Test
  void wordpressCommentsFallBackToThePageWhenTheRestApiIsOff() throws Exception {
    ForumSource source = source(WP_POST);
    forum.answer(WP_POST, fixture("wordpress/post.html"));
    pollOnce(source);

    assertThat(stored)
        .extracting(Post::id)
        .containsExactly(
            "forum:127.0.0.1/post-321",
            "forum:127.0.0.1/comment-12",
            "forum:127.0.0.1/comment-13",
            "forum:127.0.0.1/comment-14");
    assertWordPressThread();
    assertThat(harness.gaps(source)).isEmpty();
  }

  private void assertWordPressThread() {
    Map<String, Post> posts = byId();
    Post article = posts.get("forum:127.0.0.1/post-321");
    assertThat(article.kind()).isEqualTo(PostKind.POST);
    assertThat(article.title())
        .isEqualTo("Warum wir Acme Widgets aus dem Sortiment genommen haben");
    assertThat(article.source().type()).isEqualTo(SourceType.BLOG);
    assertThat(article.published()).isEqualTo(Instant.parse("2026-11-28T07:30:00Z"));
    Post answer = posts.get("forum:127.0.0.1/comment-13");
    assertThat(answer.kind()).isEqualTo(PostKind.REPLY);
    assertThat(answer.parentId()).isEqualTo("forum:127.0.0.1/comment-12");
    assertThat(answer.threadId()).isEqualTo("forum:127.0.0.1/post-321");
    Post top = posts.get("forum:127.0.0.1/comment-12");
    assertThat(top.kind()).isEqualTo(PostKind.COMMENT);
    assertThat(top.author().name()).isEqualTo("Frank");
    assertThat(top.author().url()).isEqualTo("https://example.org/frank");
    assertThat(top.text()).isEqualTo("Endlich sagt es mal jemand. Meins ist zweimal gebrochen.");
  }

  @Test
  void aThreadTheSitesRobotsTxtDisallowsIsNotFetched() throws Exception {
    ForumSource source = source("/viewtopic.php?t=7");
    forum.answer(
        "/robots.txt",
        "User-agent: *\nDisallow: /viewtopic.php\n\nUser-agent: Googlebot\nAllow: /\n");
    forum.answer("/viewtopic.php?t=7", fixture("phpbb/viewtopic-1.html"));
    pollOnce(source);

    assertThat(forum.requests).containsExactly("/robots.txt");
    assertThat(stored).isEmpty();
    assertThat(harness.gaps(source))
        .singleElement()
        .satisfies(
            gap -> {
              assertThat(gap.reason()).isEqualTo(GapReason.REQUEST_REFUSED);
              assertThat(gap.detail()).contains("robots.txt disallows it");
            });
  }

  @Test
  void robotsTxtRulesFollowRfc9309() {
    RobotsRules rules =
        RobotsRules.parse(
            "# a board's rules\n"
                + "User-agent: *\n"
                + "Disallow: /\n"
                + "\n"
                + "User-agent: Cluetrain\n"
                + "User-agent: other\n"
                + "Disallow: /memberlist.php\n"
                + "Disallow: /viewtopic.php*&sid=\n"
                + "Allow: /viewtopic.php\n"
                + "Disallow: /viewtopic.php?p=\n"
                + "Disallow: /*.pdf$\n",
            "cluetrain");
    assertThat(rules.allows("/viewtopic.php?t=7")).isTrue();
    assertThat(rules.allows("/viewtopic.php?t=7&sid=abc")).isFalse();
    assertThat(rules.allows("/viewtopic.php?p=101")).isFalse();
    assertThat(rules.allows("/memberlist.php?mode=viewprofile")).isFalse();
    assertThat(rules.allows("/files/manual.pdf")).isFalse();
    assertThat(rules.allows("/files/manual.pdf?download=1")).isTrue();
    assertThat(RobotsRules.parse("User-agent: *\nDisallow: /\n", "cluetrain").allows("/t/42"))
        .isFalse();
    assertThat(RobotsRules.parse("User-agent: *\nDisallow:\n", "cluetrain").allows("/t/42"))
        .isTrue();
  }

  @Test
  void aPageNoForumEngineMadeIsAGapSayingThePageIsUnparseable() throws Exception {
    ForumSource source = source("/start");
    forum.answer("/start", fixture("unknown.html"));
    pollOnce(source);

    assertThat(stored).isEmpty();
    assertThat(harness.gaps(source))
        .singleElement()
        .satisfies(
            gap -> {
              assertThat(gap.reason()).isEqualTo(GapReason.PAGE_UNPARSEABLE);
              assertThat(gap.detail()).contains("/start: page unparseable");
            });
  }

  @Test
  void aRecognisedForumWhosePostsCannotBeFoundIsAGapToo() throws Exception {
    ForumSource source = source("/viewtopic.php?t=9");
    // prosilver's frame, but the posts' markup changed
    forum.answer(
        "/viewtopic.php?t=9",
        fixture("phpbb/viewtopic-8.html").replace("class=\"post has-profile", "class=\"beitrag"));
    pollOnce(source);

    assertThat(stored).isEmpty();
    assertThat(harness.gaps(source))
        .singleElement()
        .satisfies(
            gap -> {
              assertThat(gap.reason()).isEqualTo(GapReason.PAGE_UNPARSEABLE);
              assertThat(gap.detail()).contains("page unparseable: no phpBB posts found on it");
            });
  }
}
