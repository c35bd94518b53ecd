package org.cluetrain.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cluetrain.model.Author;
import org.cluetrain.model.Label;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.SearchRequest.Filters;
import org.cluetrain.store.StoredPost;
import org.cluetrain.testkit.SamplePosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LucenePostStoreFiltersTest {
  @TempDir Path directory;

  private static StoredPost post(
      String id, String parent, String author, PostKind kind, String sentiment, String... queries) {
    Post.Builder post =
        SamplePosts.forumComment(id, "Text " + id)
            .parentId(parent)
            .kind(kind)
            .author(new Author(author, author, null, null));
    if (sentiment != null) {
      post.labels(Map.of("sentiment", new Label(sentiment, 0.9, List.of())));
    }
    return new StoredPost(post.build(), List.of(queries));
  }

  private static List<String> ids(LucenePostStore store, Filters filters) throws Exception {
    return store.search(new SearchRequest("", "p", null, null, 100, filters)).posts().stream()
        .map(s -> s.post().id())
        .sorted()
        .toList();
  }

  private static Filters answered(boolean answered) {
    return new Filters(List.of(), null, null, null, null, null, answered);
  }

  @Test
  void filtersNarrowByQuerySentimentKindAndAuthor() throws Exception {
    try (LucenePostStore store = new LucenePostStore(directory)) {
      store.store(
          List.of(
              post("a", null, "forum:anna", PostKind.POST, "negative", "p/brand"),
              post("b", "a", "forum:ben", PostKind.COMMENT, "positive", "p/brand", "p/rival"),
              post("c", "b", "forum:anna", PostKind.REPLY, "negative", "p/rival"),
              post("d", "a", "forum:cem", PostKind.PINGBACK, null)));
      assertThat(ids(store, Filters.NONE)).containsExactly("a", "b", "c", "d");
      assertThat(ids(store, Filters.NONE.withMatchedQueries(List.of("p/brand"))))
          .containsExactly("a", "b");
      assertThat(ids(store, Filters.NONE.withMatchedQueries(List.of("p/brand", "p/rival"))))
          .containsExactly("a", "b", "c");
      assertThat(ids(store, Filters.NONE.withSentiment("negative"))).containsExactly("a", "c");
      assertThat(
              ids(
                  store,
                  Filters.NONE.withSentiment("negative").withMatchedQueries(List.of("p/brand"))))
          .containsExactly("a");
      assertThat(ids(store, new Filters(null, null, null, null, PostKind.REPLY, null, null)))
          .containsExactly("c");
      assertThat(ids(store, new Filters(null, null, "de", "forum:heise", null, "Forum:Anna", null)))
          .containsExactly("a", "c");
      assertThat(ids(store, new Filters(null, null, "en", null, null, null, null))).isEmpty();
    }
  }

  @Test
  void answeredMeansACommentOrReplyBySomebodyElseWhicheverArrivesFirst() throws Exception {
    try (LucenePostStore store = new LucenePostStore(directory)) {
      // the answer comes before the post it answers, and a pingback and a self-reply are no answers
      store.store(List.of(post("b", "a", "forum:ben", PostKind.COMMENT, null)));
      store.store(
          List.of(
              post("a", null, "forum:anna", PostKind.POST, null),
              post("d", "a", "forum:cem", PostKind.PINGBACK, null),
              post("e", "d", "forum:cem", PostKind.REPLY, null)));
      assertThat(ids(store, answered(true))).containsExactly("a");
      assertThat(ids(store, answered(false))).containsExactly("b", "d", "e");

      store.store(List.of(post("c", "b", "forum:anna", PostKind.REPLY, null)));
      assertThat(ids(store, answered(true))).containsExactly("a", "b");

      // storing everything again changes nothing
      store.store(
          List.of(
              post("a", null, "forum:anna", PostKind.POST, null),
              post("b", "a", "forum:ben", PostKind.COMMENT, null),
              post("c", "b", "forum:anna", PostKind.REPLY, null)));
      assertThat(ids(store, answered(true))).containsExactly("a", "b");
      assertThat(store.count()).isEqualTo(5);
    }
  }
}
