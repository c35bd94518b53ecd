package org.cluetrain.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cluetrain.formats.push.PushedPostsReader;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.UnusableInputException;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceType;
import org.junit.jupiter.api.Test;

/** The push schema: arrays and lines, stable ids, threads, and clear errors per post. */
class PushedPostsReaderTest {
  static final Instant RECEIVED = Instant.parse("2026-12-05T09:00:00Z");

  static List<ReadItem> read(String body) throws UnusableInputException {
    List<ReadItem> items = new ArrayList<>();
    Formats.standard()
        .read(
            InputDocument.ofBytes("push", null, null, body.getBytes(StandardCharsets.UTF_8)),
            new PushedPostsReader("collector-a", RECEIVED),
            items::add);
    return items;
  }

  static List<Post> posts(List<ReadItem> items) {
    return FixtureReading.posts(items);
  }

  static List<String> problems(List<ReadItem> items) {
    return FixtureReading.unreadable(items).stream().map(Object::toString).toList();
  }

  @Test
  void anArrayAndTheSamePostsAsLinesGiveTheSamePosts() throws Exception {
    String first =
        "{\"id\":\"1\",\"text\":\"Der ICE nach Hamburg ist schon wieder zu spät\","
            + "\"published\":\"2026-12-05T08:15:00+01:00\",\"lang\":\"de\","
            + "\"author\":{\"handle\":\"@pendlerin\",\"name\":\"Pendlerin\","
            + "\"url\":\"https://social.example/@pendlerin\"}}";
    String second =
        "{\"id\":\"2\",\"text\":\"Meiner auch\",\"parent\":\"1\",\"author\":\"Max\","
            + "\"published\":1733389200}";
    List<Post> fromArray = posts(read("[" + first + ",\n" + second + "]"));
    List<Post> fromLines = posts(read(first + "\n\n" + second + "\n"));

    assertThat(fromArray).hasSize(2);
    assertThat(fromLines).extracting(Post::id).isEqualTo(fromArray.stream().map(Post::id).toList());
    Post post = fromArray.get(0);
    assertThat(post.id()).isEqualTo("push:collector-a:1");
    assertThat(post.source().type()).isEqualTo(SourceType.PUSH);
    assertThat(post.source().name()).isEqualTo("collector-a");
    assertThat(post.published()).isEqualTo(Instant.parse("2026-12-05T07:15:00Z"));
    assertThat(post.lang()).isEqualTo("de");
    assertThat(post.author().handle()).isEqualTo("@pendlerin");
    assertThat(post.author().id()).isEqualTo("url:https://social.example/@pendlerin");
    Post reply = fromArray.get(1);
    assertThat(reply.parentId()).isEqualTo("push:collector-a:1");
    assertThat(reply.threadId()).isEqualTo("push:collector-a:1");
    assertThat(reply.kind()).isEqualTo(PostKind.COMMENT);
    assertThat(reply.published()).isEqualTo(Instant.ofEpochSecond(1733389200));
    assertThat(reply.author().name()).isEqualTo("Max");
  }

  @Test
  void aPostKnownByItsAddressHasTheIdEveryReaderGivesIt() throws Exception {
    Post post =
        posts(
                read(
                    "[{\"url\":\"https://blog.example/2026/12/bahn\",\"title\":\"Bahn\","
                        + "\"platform\":\"blog\",\"source\":\"blog watcher\"}]"))
            .get(0);
    assertThat(post.id()).isEqualTo("url:https://blog.example/2026/12/bahn");
    assertThat(post.source().type()).isEqualTo(SourceType.BLOG);
    assertThat(post.source().name()).isEqualTo("blog watcher");
    assertThat(post.published()).as("no time of its own: the time of receipt").isEqualTo(RECEIVED);
  }

  @Test
  void aBadPostIsNamedAndTheOthersStillComeThrough() throws Exception {
    List<ReadItem> items =
        read(
            "[{\"text\":\"gut\"}, {\"title\":\"\"}, 42, {\"text\":\"x\",\"published\":\"gestern\"},"
                + " {\"text\":\"y\",\"platform\":\"myspace\"}, {\"text\":\"z\",\"lang\":\"deutsch\"},"
                + " {\"text\":\"w\",\"url\":\"ftp://host/file\"}, {\"text\":\"auch gut\"}]");

    assertThat(posts(items)).extracting(Post::text).containsExactly("gut", "auch gut");
    assertThat(problems(items))
        .hasSize(6)
        .anySatisfy(
            p -> assertThat(p).contains("post 2").contains("neither \"text\" nor \"title\""))
        .anySatisfy(
            p -> assertThat(p).contains("post 3").contains("not a JSON object but a number"))
        .anySatisfy(p -> assertThat(p).contains("post 4").contains("'gestern' is not a time"))
        .anySatisfy(p -> assertThat(p).contains("post 5").contains("'myspace' is not one of"))
        .anySatisfy(p -> assertThat(p).contains("post 6").contains("not a two-letter language"))
        .anySatisfy(p -> assertThat(p).contains("post 7").contains("not an absolute http(s) URL"));
  }

  @Test
  void brokenJsonKeepsWhatCameBeforeAndSaysWhere() throws Exception {
    List<ReadItem> items = new ArrayList<>();
    assertThatThrownBy(
            () ->
                Formats.standard()
                    .read(
                        InputDocument.ofBytes(
                            "push",
                            null,
                            null,
                            "{\"text\":\"eins\"}\n{\"text\":\"zwei\"}\n{\"text\": oops}\n"
                                .getBytes(StandardCharsets.UTF_8)),
                        new PushedPostsReader("c", RECEIVED),
                        items::add))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("not well-formed JSON after 2 post(s)")
        .hasMessageContaining("line 3");
    assertThat(posts(items)).extracting(Post::text).containsExactly("eins", "zwei");
  }

  @Test
  void anEmptyBodyIsNoPush() {
    assertThatThrownBy(() -> read("  \n"))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageContaining("empty body");
  }
}
