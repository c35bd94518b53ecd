package org.cluetrain.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.testkit.SharedData;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Values read from the real fixtures, checked against what the files say. */
class RealFixtureValuesTest {

  private static Map<String, Post> byId(List<Post> posts) {
    return posts.stream().collect(Collectors.toMap(Post::id, Function.identity(), (a, b) -> a));
  }

  @Nested
  class Feeds {
    @Test
    void heiseAtomFeedIsNamedAfterItsSiteAndEntriesAfterTheirPermalinks() throws Exception {
      Path file = SharedData.path("fixtures/feeds/real-captured/input/heise.atom");
      List<Post> posts = FixtureReading.posts(file);
      assertThat(posts).hasSize(15);
      Post first = posts.get(0);
      assertThat(first.source().id()).isEqualTo("feed:http://www.heise.de/developer/");
      assertThat(first.title()).isEqualTo("Java-Anwendungsserver: Red Hat gibt WildFly 10 frei");
      assertThat(first.id())
          .startsWith("url:http://www.heise.de/developer/meldung/Java-Anwendungsserver-Red-Hat");
      assertThat(first.published()).isEqualTo(Instant.parse("2016-02-01T16:22:00Z"));
    }

    @Test
    void originOverridesTheFeedsOwnLinkAsSource() throws Exception {
      Path file = SharedData.path("fixtures/feeds/real-captured/input/heise.atom");
      byte[] bytes = java.nio.file.Files.readAllBytes(file);
      var input =
          InputDocument.ofBytes(
              "https://www.heise.de/rss/heise-atom.xml",
              java.net.URI.create("https://www.heise.de/rss/heise-atom.xml"),
              "application/atom+xml",
              bytes);
      List<Post> posts = new java.util.ArrayList<>();
      FixtureReading.FORMATS.read(
          input, "auto", item -> posts.add(((ReadItem.ParsedPost) item).post()));
      assertThat(posts)
          .allMatch(p -> p.source().id().equals("feed:https://www.heise.de/rss/heise-atom.xml"));
    }
  }

  @Nested
  class WordPress {
    @Test
    void themeUnitTestExportIsOneThreadPerPostWithItsComments() throws Exception {
      Path file =
          SharedData.path("fixtures/exports/wordpress-wxr/phpunit-data/theme-unit-test-data.xml");
      List<Post> posts = FixtureReading.posts(file);
      Map<PostKind, Long> kinds =
          posts.stream().collect(Collectors.groupingBy(Post::kind, Collectors.counting()));
      // 33 comments in the file, none spam or trash: 19 top-level, 10 replies, 2 + 2 pings
      assertThat(kinds)
          .containsEntry(PostKind.COMMENT, 19L)
          .containsEntry(PostKind.REPLY, 10L)
          .containsEntry(PostKind.PINGBACK, 2L)
          .containsEntry(PostKind.TRACKBACK, 2L);
      Post reply = byId(posts).get("wp:https://wpthemetestdata.wordpress.com:comment:1017");
      assertThat(reply.parentId())
          .isEqualTo("wp:https://wpthemetestdata.wordpress.com:comment:168");
      assertThat(reply.threadId())
          .isEqualTo("url:https://wpthemetestdata.wordpress.com/about/page-with-comments/");
      assertThat(reply.text()).isEqualTo("nothing useful to say");
      assertThat(reply.source().id()).isEqualTo("wxr:https://wpthemetestdata.wordpress.com");
      Post ping = byId(posts).get("wp:https://wpthemetestdata.wordpress.com:comment:923");
      assertThat(ping.kind()).isEqualTo(PostKind.PINGBACK);
      assertThat(ping.author().name()).isEqualTo("Ping 4 « What’s a tellyworth?");
    }
  }

  @Nested
  class Disqus {
    @Test
    void postsJoinTheirThreadAndParent() throws Exception {
      Path file = SharedData.path("fixtures/exports/disqus/tl3shi-blog-export/disqus.redacted.xml");
      List<Post> posts = FixtureReading.posts(file);
      Map<PostKind, Long> kinds =
          posts.stream().collect(Collectors.groupingBy(Post::kind, Collectors.counting()));
      // 569 threads and 2,693 posts of which 6 belong to deleted threads
      assertThat(kinds)
          .containsEntry(PostKind.POST, 569L)
          .containsEntry(PostKind.COMMENT, 2248L)
          .containsEntry(PostKind.REPLY, 439L);
      Post reply = byId(posts).get("disqus:hexo-tanglei:2521126018");
      assertThat(reply.parentId()).isEqualTo("disqus:hexo-tanglei:2521126013");
      assertThat(reply.threadId()).isEqualTo("url:http://www.tanglei.name/blog/0804_dabian_1.html");
      assertThat(reply.text()).startsWith("还通过了呀。");
    }

    @Test
    void deletedPostsAreSkippedAndDamagedRestIsReported() throws Exception {
      Path file = SharedData.path("fixtures/exports/disqus/remark42/disqus-deleted-post.xml");
      List<ReadItem> items = FixtureReading.read(file);
      assertThat(FixtureReading.posts(items))
          .extracting(Post::id)
          .doesNotContain("disqus:radiot:299619020");
      assertThat(FixtureReading.unreadable(items))
          .extracting(ReadItem.UnreadableItem::item, ReadItem.UnreadableItem::problem)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("post #6", "post without dsq:id"),
              org.assertj.core.groups.Tuple.tuple(
                  "element 8 onwards",
                  "the rest is unreadable: not well-formed XML: ParseError at [row,col]:[147,24]"));
    }
  }

  @Nested
  class XArchive {
    @Test
    void tweetsJsHasEveryTweetWithTheArchiveOwnerAsAuthor() throws Exception {
      Path file = SharedData.path("fixtures/exports/x-archive/tweets.js");
      List<Post> posts = FixtureReading.posts(file);
      assertThat(posts).hasSize(2045);
      Post first = posts.get(0);
      assertThat(first.id()).isEqualTo("x:2029905358261502168");
      assertThat(first.parentId()).isEqualTo("x:2029903943413772741");
      assertThat(first.kind()).isEqualTo(PostKind.REPLY);
      assertThat(first.source().id()).isEqualTo("x-archive:milahu104");
      assertThat(first.author().id()).isEqualTo("x:1964312974236991488");
      assertThat(first.mentions()).containsExactly("samahoole");
      assertThat(first.links())
          .containsExactly("https://x.com/milahu104/status/2027739112069878026");
      assertThat(first.text())
          .isEqualTo("@SamaHoole https://x.com/milahu104/status/2027739112069878026");
      assertThat(first.published()).isEqualTo(Instant.parse("2026-03-06T13:02:05Z"));
    }
  }

  @Nested
  class TwitterApi {
    @Test
    void v2JoinsTheAuthorFromIncludes() throws Exception {
      Post tweet =
          FixtureReading.posts(FixtureReading.resource("good/twitter-v2-with-users.json")).get(0);
      assertThat(tweet.author().id()).isEqualTo("x:42");
      assertThat(tweet.author().handle()).isEqualTo("pendlerin_koeln");
      assertThat(tweet.author().name()).isEqualTo("Pendlerin");
      assertThat(tweet.parentId()).isEqualTo("x:1600000000000000000");
      assertThat(tweet.threadId()).isEqualTo("x:1600000000000000000");
      assertThat(tweet.mentions()).containsExactly("db_bahn");
      assertThat(tweet.hashtags()).containsExactly("bahn");
      assertThat(tweet.links()).containsExactly("https://www.bahn.de/service");
      assertThat(tweet.engagement().likes()).isEqualTo(3);
      assertThat(tweet.engagement().shares()).isEqualTo(3);
    }

    @Test
    void recordedV2ResponseWithoutDatesIsDatedFromTheTweetId() throws Exception {
      Path file = SharedData.path("fixtures/api/twitter/v2/test_client_get_users_mentions.00.json");
      Post first = FixtureReading.posts(file).get(0);
      assertThat(first.id()).isEqualTo("x:1578516295611748353");
      assertThat(first.source().id()).isEqualTo("x-api:api.twitter.com/2/users/783214/mentions");
      assertThat(first.published()).isEqualTo(Instant.parse("2022-10-07T22:43:06.945Z"));
    }
  }

  @Nested
  class Reddit {
    @Test
    void commentTreeKeepsParentsAndThread() throws Exception {
      Path file =
          SharedData.path("fixtures/api/reddit/TestCommentForest.test_replace__all_large/001.json");
      Map<String, Post> posts = byId(FixtureReading.posts(file));
      assertThat(posts.get("reddit:t3_n49rw").kind()).isEqualTo(PostKind.POST);
      Post reply = posts.get("reddit:t1_c364wqo");
      assertThat(reply.parentId()).isEqualTo("reddit:t1_c364vol");
      assertThat(reply.threadId()).isEqualTo("reddit:t3_n49rw");
      assertThat(reply.kind()).isEqualTo(PostKind.REPLY);
      assertThat(reply.author().id()).isEqualTo("reddit:alienth");
      assertThat(posts.get("reddit:t1_c364vol").parentId()).isNotNull();
    }

    @Test
    void commentStreamIsNamedAfterTheRequestedSubreddit() throws Exception {
      Path file =
          SharedData.path("fixtures/api/reddit/TestSubredditStreams.test_comments/001.json");
      Post first = FixtureReading.posts(file).get(0);
      assertThat(first.id()).isEqualTo("reddit:t1_dbhn11d");
      assertThat(first.parentId()).isEqualTo("reddit:t3_5jffj1");
      assertThat(first.kind()).isEqualTo(PostKind.COMMENT);
      assertThat(first.source().id()).isEqualTo("reddit:r/all");
      assertThat(first.text()).startsWith("1979 (Showa 54) 10 Yen");
    }
  }

  @Nested
  class Mastodon {
    @Test
    void restStatusTextLinksAndEngagement() throws Exception {
      Path file =
          SharedData.path(
              "fixtures/api/mastodon-activitypub/mastodon-docs-api-examples/Status.000.json");
      Post status = FixtureReading.posts(file).get(0);
      assertThat(status.id())
          .isEqualTo("mastodon:https://mastodon.social/users/Gargron/statuses/103270115826048975");
      assertThat(status.text())
          .startsWith("\"I lost my inheritance with one wrong digit on my sort code\"");
      assertThat(status.html()).startsWith("<p>");
      assertThat(status.engagement().likes()).isEqualTo(11);
      assertThat(status.engagement().replies()).isEqualTo(5);
      assertThat(status.links())
          .first()
          .asString()
          .startsWith("https://www.theguardian.com/money/2019/dec/07/");
      assertThat(status.author().handle()).isEqualTo("Gargron@mastodon.social");
    }

    @Test
    void activityPubNoteMentionsAndHashtags() throws Exception {
      Path file =
          SharedData.path(
              "fixtures/api/mastodon-activitypub/taktivitypub/note-mastodon-tag-photo.json");
      Post note = FixtureReading.posts(file).get(0);
      assertThat(note.mentions()).containsExactly("takahe@jointakahe.org");
      assertThat(note.hashtags()).containsExactly("hashtags", "morehashtags");
      assertThat(note.text()).startsWith("I need to craft a good post for :Takahe: @takahe");
      assertThat(note.lang()).isEqualTo("en");
    }

    @Test
    void followIsReportedAsNotAPost() throws Exception {
      Path file =
          SharedData.path("fixtures/api/mastodon-activitypub/taktivitypub/follow-mastodon.json");
      assertThat(FixtureReading.read(file))
          .singleElement()
          .isInstanceOfSatisfying(
              ReadItem.UnreadableItem.class,
              bad -> assertThat(bad.problem()).isEqualTo("not a post (type Follow)"));
    }
  }

  @Nested
  class WebPages {
    @Test
    void germanBlogArticleWithCommentsAndReplies() throws Exception {
      Path file = SharedData.path("fixtures/web-pages/cache/franziska-elea.de.vuitton.html");
      List<Post> posts = FixtureReading.posts(file);
      String article =
          "url:http://www.franziska-elea.de/2019/02/10/das-louis-vuitton-missgeschick/";
      assertThat(posts.get(0).id()).isEqualTo(article);
      assertThat(posts.get(0).title()).isEqualTo("Das Louis Vuitton Missgeschick");
      assertThat(posts.get(0).text())
          .contains("Zuerst dachte ich, ich könnte das, was passiert ist verheimlichen.");
      assertThat(posts).hasSize(18);
      Map<String, Post> byId = byId(posts);
      Post comment = byId.get(article + "#comment-10564");
      assertThat(comment.kind()).isEqualTo(PostKind.COMMENT);
      assertThat(comment.author().name()).isEqualTo("Jasmin");
      assertThat(comment.published()).isEqualTo(Instant.parse("2019-02-10T18:05:00Z"));
      assertThat(comment.text()).startsWith("Liebe Franzi, also ich wäre ja der Typ");
      Post reply = byId.get(article + "#comment-10565");
      assertThat(reply.kind()).isEqualTo(PostKind.REPLY);
      assertThat(reply.parentId()).isEqualTo(article + "#comment-10564");
      assertThat(reply.threadId()).isEqualTo(article);
    }

    @Test
    void pingbacksInTheCommentListAreRecognised() throws Exception {
      Path file = SharedData.path("fixtures/web-pages/cache/de.creativecommons.org.endlich.html");
      List<Post> posts = FixtureReading.posts(file);
      assertThat(posts.get(0).published()).isEqualTo(Instant.parse("2014-03-20T15:27:05Z"));
      assertThat(posts)
          .extracting(Post::kind)
          .containsExactly(
              PostKind.POST,
              PostKind.PINGBACK,
              PostKind.COMMENT,
              PostKind.PINGBACK,
              PostKind.COMMENT,
              PostKind.COMMENT);
      assertThat(posts.get(2).author().name()).isEqualTo("Michael Blahm");
      assertThat(posts.get(2).text()).isEqualTo("Warum nicht alles offen gestalten.");
    }
  }

  @Nested
  class Tables {
    @Test
    void airlineTweetsNeedNoMapping() throws Exception {
      Path file = SharedData.path("streams/us-airline-tweets-2015-02.csv");
      List<ReadItem> items = FixtureReading.read(file);
      List<Post> posts = FixtureReading.posts(items);
      assertThat(posts).hasSize(14640);
      assertThat(FixtureReading.unreadable(items)).isEmpty();
      Post first = posts.get(0);
      assertThat(first.id()).isEqualTo("x:570306133677760513");
      assertThat(first.text()).isEqualTo("@VirginAmerica What @dhepburn said.");
      assertThat(first.published()).isEqualTo(Instant.parse("2015-02-24T11:35:00Z"));
    }

    @Test
    void youtubeCommentsNeedNoMapping() throws Exception {
      Path file = SharedData.path("streams/youtube-comments-2008-2013/-4nsZA9Gh6k.csv");
      List<Post> posts = FixtureReading.posts(file);
      assertThat(posts).isNotEmpty();
      Post first = posts.get(0);
      assertThat(first.id())
          .isEqualTo("csv:-4nsZA9Gh6k.csv:ENL93HZMJN7v0jym6yemhF_4uJFDWSqLi0fRX-95coI");
      assertThat(first.author().name()).isEqualTo("Antonio Armario");
      assertThat(first.title()).as("the title is the text's truncated start").isNull();
      assertThat(first.published()).isEqualTo(Instant.parse("2013-10-19T09:59:31Z"));
    }
  }
}
