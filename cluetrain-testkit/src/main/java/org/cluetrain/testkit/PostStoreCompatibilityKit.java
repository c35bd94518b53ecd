package org.cluetrain.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cluetrain.model.Author;
import org.cluetrain.model.Engagement;
import org.cluetrain.model.Label;
import org.cluetrain.model.Post;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.store.PostStore;
import org.cluetrain.store.SearchPage;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.StoredPost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compatibility kit of {@link PostStore}: idempotent writes by id, exact round trips, durability
 * across a reopen, newest-first search with exact totals, windows [since, until), per-project
 * filtering, threads oldest first, syntax errors as {@link QuerySyntaxException}. A backend extends
 * it and says how to open its store.
 */
public abstract class PostStoreCompatibilityKit {
  @TempDir protected Path directory;

  /**
   * Opens the store whose data lives in {@code directory}: empty the first time, the same data when
   * opened again after the previous one was closed.
   */
  protected abstract PostStore newStore(Path directory);

  private static StoredPost stored(String id, String text, Instant published) {
    return new StoredPost(
        SamplePosts.forumComment(id, text).published(published).build(), List.of());
  }

  /** A post with every field set, odd values included, to prove the stored copy is exact. */
  private static StoredPost everything() {
    Post post =
        SamplePosts.forumComment("full", "Die Bahn \"streikt\" – schon wieder! 🚆")
            .html("<p>Die Bahn <em>streikt</em></p>")
            .published(Instant.parse("2024-03-01T08:15:30.123456789Z"))
            .engagement(new Engagement(12L, 3L, null, 4500L, 4.5))
            .links(List.of("https://www.bahn.de/streik"))
            .fingerprint(-1234567890123456789L)
            .duplicateOf("earlier")
            .labels(Map.of("sentiment", new Label("negative", 0.87, List.of("streikt", "wieder"))))
            .build();
    return new StoredPost(post, List.of("p/bahn", "p/streik"));
  }

  @Test
  void storingTheSamePostTwiceKeepsOneDocument() {
    try (PostStore store = newStore(directory)) {
      store.store(List.of(stored("1", "Bahn", SamplePosts.T0), stored("2", "Zug", SamplePosts.T0)));
      store.store(List.of(stored("1", "Bahn, geändert", SamplePosts.T0)));

      assertThat(store.count()).isEqualTo(2);
      assertThat(store.get("1")).get().extracting(s -> s.post().text()).isEqualTo("Bahn, geändert");
    }
  }

  @Test
  void postsSurviveReopeningAndRoundTripExactly() {
    StoredPost full = everything();
    try (PostStore store = newStore(directory)) {
      store.store(List.of(full));
    }
    try (PostStore reopened = newStore(directory)) {
      assertThat(reopened.count()).isEqualTo(1);
      assertThat(reopened.get("full")).contains(full);
      assertThat(reopened.get("missing")).isEmpty();
    }
  }

  @Test
  void searchIsNewestFirstWithExactTotalsWindowsAndProjects() throws Exception {
    List<StoredPost> posts = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      posts.add(
          stored("p" + i, i % 2 == 0 ? "Bahn" : "Zug", SamplePosts.T0.plus(Duration.ofMinutes(i))));
    }
    try (PostStore store = newStore(directory)) {
      store.store(posts);

      SearchPage all = store.search(new SearchRequest(" ", null, null, null, 3));
      assertThat(all.totalHits()).isEqualTo(1_500);
      assertThat(all.posts())
          .extracting(s -> s.post().id())
          .containsExactly("p1499", "p1498", "p1497");

      SearchPage bahn = store.search(new SearchRequest("bahn", "p", null, null, 10));
      assertThat(bahn.totalHits()).isEqualTo(750);

      Instant since = SamplePosts.T0.plus(Duration.ofMinutes(10));
      Instant until = SamplePosts.T0.plus(Duration.ofMinutes(20));
      SearchPage window = store.search(new SearchRequest("", null, since, until, 100));
      assertThat(window.totalHits()).isEqualTo(10); // since inclusive, until exclusive
      assertThat(window.posts().get(0).post().id()).isEqualTo("p19");
      assertThat(window.posts().get(9).post().id()).isEqualTo("p10");

      assertThat(store.search(new SearchRequest("bahn", "other", null, null, 10)).totalHits())
          .isZero();
    }
  }

  @Test
  void scanHandsOverEveryPostNewestFirstWhateverTheLimit() throws Exception {
    List<StoredPost> posts = new ArrayList<>();
    for (int i = 0; i < 1_234; i++) {
      // three posts share each minute, so ties are ordered by id across page boundaries too
      posts.add(
          stored(
              String.format(java.util.Locale.ROOT, "s%04d", i),
              i % 2 == 0 ? "Bahn" : "Zug",
              SamplePosts.T0.plus(Duration.ofMinutes(i / 3))));
    }
    try (PostStore store = newStore(directory)) {
      store.store(posts);

      List<String> scanned = new ArrayList<>();
      long handed =
          store.scan(new SearchRequest("", "p", null, null, 1), s -> scanned.add(s.post().id()));
      List<String> expected =
          posts.stream()
              .sorted(
                  java.util.Comparator.comparing((StoredPost s) -> s.post().published())
                      .reversed()
                      .thenComparing(s -> s.post().id()))
              .map(s -> s.post().id())
              .toList();
      assertThat(handed).isEqualTo(1_234);
      assertThat(scanned).containsExactlyElementsOf(expected);

      Instant since = SamplePosts.T0.plus(Duration.ofMinutes(100));
      List<String> bahn = new ArrayList<>();
      store.scan(new SearchRequest("bahn", "p", since, null, 1), s -> bahn.add(s.post().id()));
      assertThat(bahn)
          .containsExactlyElementsOf(
              expected.stream()
                  .filter(id -> Integer.parseInt(id.substring(1)) % 2 == 0)
                  .filter(id -> Integer.parseInt(id.substring(1)) / 3 >= 100)
                  .toList());

      assertThat(store.scan(new SearchRequest("", "other", null, null, 1), s -> {})).isZero();
      assertThatThrownBy(() -> store.scan(SearchRequest.of("bahn ("), s -> {}))
          .isInstanceOf(QuerySyntaxException.class);
      assertThatThrownBy(
              () ->
                  store.scan(
                      SearchRequest.of(""),
                      s -> {
                        throw new IllegalStateException("the reader went away");
                      }))
          .hasMessage("the reader went away");
    }
  }

  @Test
  void threadIsOldestFirst() {
    try (PostStore store = newStore(directory)) {
      store.store(
          List.of(
              stored("late", "c", SamplePosts.T0.plusSeconds(60)),
              stored("early", "a", SamplePosts.T0),
              stored("middle", "b", SamplePosts.T0.plusSeconds(30))));

      assertThat(store.thread("thread-1", 10))
          .extracting(s -> s.post().id())
          .containsExactly("early", "middle", "late");
      assertThat(store.thread("thread-1", 2)).hasSize(2);
      assertThat(store.thread("no-such-thread", 10)).isEmpty();
    }
  }

  @Test
  void aBadQueryIsASyntaxError() {
    try (PostStore store = newStore(directory)) {
      assertThatThrownBy(() -> store.search(SearchRequest.of("bahn (streik")))
          .isInstanceOf(QuerySyntaxException.class)
          .hasMessage("at 13: expected ')' to close '(' at 6, found end of query");
    }
  }

  @Test
  void postsAreFoundByTheirAuthorsIdHandleNameOrProfileAddress() {
    try (PostStore store = newStore(directory)) {
      Post byAnna =
          SamplePosts.forumComment("a1", "Der Zug fällt aus")
              .author(new Author("x:42", "Anna Berg", "anna_b", "https://x.com/anna_b"))
              .build();
      store.store(
          List.of(
              new StoredPost(byAnna, List.of()),
              stored("h1", "Bahn", SamplePosts.T0),
              stored("h2", "Zug", SamplePosts.T0.plusSeconds(60))));

      assertThat(store.byAuthor("x:42", 10)).extracting(s -> s.post().id()).containsExactly("a1");
      assertThat(store.byAuthor("@ANNA_B", 10))
          .extracting(s -> s.post().id())
          .containsExactly("a1");
      assertThat(store.byAuthor("anna berg", 10)).hasSize(1);
      assertThat(store.byAuthor("https://x.com/anna_b", 10)).hasSize(1);
      assertThat(store.byAuthor("x.com/anna_b", 10)).hasSize(1);
      assertThat(store.byAuthor("hmueller", 10))
          .extracting(s -> s.post().id())
          .containsExactly("h2", "h1");
      assertThat(store.byAuthor("hmueller", 1)).hasSize(1);
      assertThat(store.byAuthor("nobody", 10)).isEmpty();
    }
  }

  @Test
  void deletedPostsAreGoneAlsoAfterAReopen() {
    try (PostStore store = newStore(directory)) {
      store.store(
          List.of(
              stored("1", "Bahn", SamplePosts.T0),
              stored("2", "Zug", SamplePosts.T0),
              stored("3", "Streik", SamplePosts.T0)));
      assertThat(store.delete(List.of("1", "3", "missing"))).isEqualTo(2);
      assertThat(store.delete(List.of())).isZero();
      assertThat(store.count()).isEqualTo(1);
      assertThat(store.get("1")).isEmpty();
    }
    try (PostStore reopened = newStore(directory)) {
      assertThat(reopened.count()).isEqualTo(1);
      assertThat(reopened.get("3")).isEmpty();
      assertThat(reopened.get("2")).isPresent();
      assertThat(reopened.byAuthor("hmueller", 10)).hasSize(1);
    }
  }

  @Test
  void expungingKeepsTheCurrentVersionOfEveryPost() {
    try (PostStore store = newStore(directory)) {
      store.store(List.of(stored("1", "Bahn", SamplePosts.T0), stored("2", "Zug", SamplePosts.T0)));
      store.store(List.of(stored("1", "Bahn, ohne Namen", SamplePosts.T0)));
      store.expungeDeleted();
      assertThat(store.count()).isEqualTo(2);
      assertThat(store.get("1"))
          .get()
          .extracting(s -> s.post().text())
          .isEqualTo("Bahn, ohne Namen");
    }
  }
}
