package org.cluetrain.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cluetrain.model.Author;
import org.cluetrain.model.Label;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.cluetrain.store.StoredPost;
import org.jspecify.annotations.Nullable;

/** Posts for tests: small, readable, every field a kit relies on set. */
public final class SamplePosts {
  /** When the sample conversations start: a Monday morning, 09:15 UTC. */
  public static final Instant T0 = Instant.parse("2026-03-02T09:15:00Z");

  public static final SourceRef FORUM =
      new SourceRef("forum:heise", SourceType.FORUM, "Heise Forum", "https://forum.heise.de/");

  public static final SourceRef BLOG =
      new SourceRef("feed:https://blog.example/", SourceType.BLOG, "Blog", "https://blog.example/");

  private SamplePosts() {}

  /**
   * A German forum comment on forum.heise.de by Hans Müller (handle hmueller), in thread "thread-1"
   * titled "Aus dem Forum", tagged #Bahnstreik, mentioning @db_bahn, in project "p", published at
   * {@link #T0}.
   */
  public static Post.Builder forumComment(String id, String text) {
    return Post.builder()
        .id(id)
        .source(FORUM)
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

  /**
   * A German post of project "bahn" on the blog, in the conversation "root": the opening post
   * (titled "Bahnchaos in Köln") when {@code parent} is null, else a comment answering {@code
   * parent}. Written by {@code author} (whose display name is the id in capitals), within ten to
   * twenty minutes after {@link #T0}, with the queries it matched.
   */
  public static StoredPost conversation(
      String id, @Nullable String parent, String author, List<String> queries) {
    return new StoredPost(
        Post.builder()
            .id(id)
            .source(BLOG)
            .threadId("root")
            .parentId(parent)
            .kind(parent == null ? PostKind.POST : PostKind.COMMENT)
            .author(new Author(author, author.toUpperCase(), null, null))
            .title(parent == null ? "Bahnchaos in Köln" : null)
            .text("Text von " + id)
            .published(T0.plusSeconds(id.hashCode() % 600 + 600))
            .lang("de")
            .fingerprint(id.hashCode())
            .project("bahn")
            .build(),
        queries);
  }

  /** The post published {@code minutes} after {@link #T0} with this sentiment label. */
  public static StoredPost withSentiment(StoredPost stored, String sentiment, long minutes) {
    return new StoredPost(
        stored.post().toBuilder()
            .published(T0.plusSeconds(minutes * 60))
            .labels(Map.of("sentiment", new Label(sentiment, 0.8, List.of("spät"))))
            .build(),
        stored.matchedQueries());
  }

  /** The post moved to another project (and, so that it is its own, another id and thread). */
  public static StoredPost inProject(StoredPost stored, String project) {
    Post post = stored.post();
    return new StoredPost(
        post.toBuilder()
            .id(project + ":" + post.id())
            .threadId(project + ":" + post.threadId())
            .parentId(post.parentId() == null ? null : project + ":" + post.parentId())
            .project(project)
            .build(),
        stored.matchedQueries().stream().map(q -> project + q.substring(q.indexOf('/'))).toList());
  }
}
