package org.cluetrain.report;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/** Authors ranked by the people their mentions drew in, not by how much they post. */
class MultipliersTest {
  private static final SourceRef BLOG =
      new SourceRef("feed:https://blog.example/feed", SourceType.FEED, "Blog", null);
  private static final SourceRef FORUM =
      new SourceRef("forum:https://forum.example", SourceType.FORUM, "Forum", null);
  private static final String BRAND = "p/marke";
  private static final Instant NOW = Instant.parse("2026-11-16T09:00:00Z");

  private final Multipliers.Tally tally = new Multipliers.Tally(List.of(BRAND));
  private final SourceSentiment.Tally sentiment = new SourceSentiment.Tally(List.of(BRAND));

  private static Post.Builder post(String id, String author, SourceRef source) {
    return Post.builder()
        .id(id)
        .source(source)
        .author(new Author("x:" + author, author.toUpperCase(), author, null))
        .text("text of " + id)
        .published(NOW);
  }

  private void add(Post post, boolean mention) {
    StoredPost stored = new StoredPost(post, mention ? List.of(BRAND) : List.of());
    tally.accept(stored);
    sentiment.accept(stored);
  }

  @Test
  void oneMentionThatDrawsManyPeopleOutranksManyMentionsThatDrawNobody() {
    add(post("blog1", "jana", BLOG).url("https://blog.example/netz").build(), true);
    for (int i = 0; i < 5; i++) {
      add(
          post("c" + i, "reader" + i, BLOG)
              .threadId("blog1")
              .parentId("blog1")
              .kind(PostKind.COMMENT)
              .build(),
          false);
    }
    // a deeper reply grows her thread; the same reader answering twice is one voice
    add(
        post("c5", "reader0", BLOG).threadId("blog1").parentId("c1").kind(PostKind.REPLY).build(),
        false);
    add(post("f1", "forumuser", FORUM).links(List.of("https://blog.example/netz")).build(), false);
    add(post("f2", "other", FORUM).mentions(List.of("jana")).build(), false);
    add(post("copy", "aggregator", FORUM).duplicateOf("blog1").build(), false);
    for (int i = 0; i < 20; i++) {
      add(post("loud" + i, "loud", FORUM).build(), true);
    }
    // she answers in her own thread: that draws nobody in
    add(post("self", "jana", BLOG).threadId("blog1").parentId("c0").build(), false);

    Multipliers result = tally.result(true);

    assertThat(result.ranked()).hasSize(1);
    Multipliers.Multiplier jana = result.ranked().get(0);
    assertThat(jana.authorId()).isEqualTo("x:jana");
    assertThat(jana.name()).isEqualTo("JANA");
    assertThat(jana.mentions()).isEqualTo(1);
    assertThat(jana.voices()).isEqualTo(8);
    assertThat(jana.replies()).isEqualTo(5);
    assertThat(jana.threadGrowth()).isEqualTo(1);
    assertThat(jana.namedOrLinked()).isEqualTo(2);
    assertThat(jana.copies()).isEqualTo(1);
    assertThat(jana.sources()).isEqualTo(2);
    assertThat(result.postsRead()).isEqualTo(31);
  }

  @Test
  void spamNeitherDrawsNorCounts() {
    Label spam = new Label("spam", 0.99, List.of());
    add(post("k1", "kredit", FORUM).labels(Map.of("spam", spam)).build(), true);
    add(post("k2", "kredit", FORUM).build(), true);
    add(post("r1", "a", FORUM).parentId("k2").threadId("k2").build(), false);
    add(
        post("r2", "kredit2", FORUM)
            .parentId("k2")
            .threadId("k2")
            .labels(Map.of("spam", spam))
            .build(),
        false);
    add(post("m1", "b", FORUM).build(), true);
    add(
        post("r3", "c", FORUM).parentId("m1").threadId("m1").labels(Map.of("spam", spam)).build(),
        false);

    assertThat(tally.result(true).ranked())
        .as("kredit posts spam half the time; b's only reply is spam")
        .isEmpty();
  }

  @Test
  void sentimentPerSourceCountsLabelsAsTheChartDoesAndNetsThem() {
    Label negative = new Label("negative", 0.9, List.of());
    Label positive = new Label("positive", 0.8, List.of());
    Label unsure = new Label("negative", 0.4, List.of());
    for (int i = 0; i < 3; i++) {
      add(post("n" + i, "n" + i, FORUM).labels(Map.of("sentiment", negative)).build(), true);
    }
    add(post("p0", "p0", FORUM).labels(Map.of("sentiment", positive)).build(), true);
    add(post("u0", "u0", FORUM).labels(Map.of("sentiment", unsure)).build(), true);
    add(post("b0", "b0", BLOG).labels(Map.of("sentiment", positive)).build(), true);
    add(
        post("b1", "b1", BLOG).duplicateOf("b0").labels(Map.of("sentiment", positive)).build(),
        true);
    add(post("x0", "x0", BLOG).labels(Map.of("sentiment", negative)).build(), false);

    List<SourceSentiment> rows = sentiment.result(10);

    assertThat(rows).extracting(SourceSentiment::name).containsExactly("Forum", "Blog");
    assertThat(rows.get(1).mentions()).isEqualTo(2);
    SourceSentiment forum = rows.get(0);
    assertThat(forum.mentions()).isEqualTo(5);
    assertThat(forum.negative()).as("the unsure one counts under its label").isEqualTo(4);
    assertThat(forum.positive()).isEqualTo(1);
    assertThat(forum.unsure()).isEqualTo(1);
    assertThat(forum.net()).isEqualTo(-0.6);
    assertThat(rows.get(1).net()).as("the post matching no brand query is left out").isEqualTo(1);
    assertThat(rows.get(1).copies()).isEqualTo(1);
    assertThat(forum.copies()).isZero();
    assertThat(sentiment.copies()).isEqualTo(1);
    assertThat(sentiment.result(1)).hasSize(1);
  }
}
