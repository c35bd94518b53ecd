package org.cluetrain.lucene;

import java.time.Instant;
import java.util.List;
import org.cluetrain.model.Author;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;

/** Posts for tests: one with every field set, varied by text. */
final class TestPosts {
  static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");

  private TestPosts() {}

  /**
   * A German forum comment on forum.heise.de by Hans Müller (handle hmueller), titled "Streik bei
   * der Bahn", tagged #Bahnstreik, mentioning @db_bahn, in project "p".
   */
  static Post.Builder forumComment(String id, String text) {
    return Post.builder()
        .id(id)
        .source(
            new SourceRef(
                "forum:heise", SourceType.FORUM, "Heise Forum", "https://forum.heise.de/"))
        .threadId("thread-1")
        .parentId("thread-1")
        .kind(PostKind.COMMENT)
        .author(new Author("forum:hmueller", "Hans Müller", "hmueller", null))
        .url("https://forum.heise.de/thread/1#" + id)
        .title("Aus dem Forum")
        .text(text)
        .published(T0)
        .hashtags(List.of("bahnstreik"))
        .mentions(List.of("db_bahn"))
        .lang("de")
        .project("p");
  }
}
