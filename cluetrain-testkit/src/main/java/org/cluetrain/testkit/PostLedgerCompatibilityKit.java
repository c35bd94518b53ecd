package org.cluetrain.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cluetrain.testkit.SamplePosts.conversation;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.cluetrain.enrich.duplicate.DuplicateDetector;
import org.cluetrain.store.PostLedger;
import org.cluetrain.store.StoredPost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compatibility kit of {@link PostLedger}: recording is idempotent and exactly-once, also across a
 * reopen; matches added later count once and only for known posts; forgetting a query's matches
 * lets history be matched again; fingerprints come back oldest first.
 */
public abstract class PostLedgerCompatibilityKit {
  @TempDir protected Path directory;

  /**
   * Opens the ledger whose data lives in {@code directory}: empty the first time, the same data
   * when opened again after the previous one was closed.
   */
  protected abstract LedgerRoles open(Path directory);

  @Test
  void recordingTwiceCountsOnce() {
    try (LedgerRoles ledger = open(directory)) {
      List<StoredPost> batch =
          List.of(
              conversation("root", null, "anna", List.of("bahn/brand")),
              conversation("c1", "root", "ben", List.of("bahn/brand", "bahn/delay")),
              conversation("c2", "c1", "anna", List.of()));
      assertThat(ledger.postLedger().record(batch)).isEqualTo(3);
      assertThat(ledger.postLedger().record(batch)).isZero();
      assertThat(ledger.postLedger().record(List.of())).isZero();
      assertThat(ledger.postLedger().knownPostIds(List.of("root", "c2", "unknown")))
          .isEqualTo(Set.of("root", "c2"));
      assertThat(ledger.postLedger().knownPostIds(List.of())).isEmpty();

      var stats = ledger.rollups().stats("bahn");
      assertThat(stats.posts()).isEqualTo(3);
      assertThat(stats.byQuery()).containsEntry("bahn/brand", 2L).containsEntry("bahn/delay", 1L);
      assertThat(ledger.rollups().hourlyCounts("bahn/brand", null, null))
          .extracting(c -> c.posts())
          .containsExactly(2L);
    }
  }

  @Test
  void aBatchRecordedAgainAfterAReopenChangesNothing() {
    List<StoredPost> batch =
        List.of(
            conversation("root", null, "anna", List.of("bahn/brand")),
            conversation("c1", "root", "ben", List.of("bahn/brand")));
    try (LedgerRoles ledger = open(directory)) {
      assertThat(ledger.postLedger().record(batch)).isEqualTo(2);
    }
    try (LedgerRoles ledger = open(directory)) {
      // half of the batch is new: a crash between store and ledger, then the import again
      List<StoredPost> again =
          List.of(batch.get(0), batch.get(1), conversation("c2", "root", "cem", List.of()));
      assertThat(ledger.postLedger().record(again)).isEqualTo(1);
      assertThat(ledger.rollups().stats("bahn").posts()).isEqualTo(3);
      assertThat(ledger.rollups().stats("bahn").byQuery()).containsEntry("bahn/brand", 2L);
      assertThat(ledger.rollups().threads("bahn", 10).get(0).posts()).isEqualTo(3);
    }
  }

  @Test
  void matchesAddedLaterCountOnceAndOnlyForKnownPosts() {
    try (LedgerRoles ledger = open(directory)) {
      PostLedger posts = ledger.postLedger();
      posts.record(
          List.of(
              conversation("a", null, "anna", List.of()),
              conversation("b", null, "ben", List.of())));
      List<StoredPost> history =
          List.of(
              conversation("a", null, "anna", List.of()),
              conversation("b", null, "ben", List.of()),
              conversation("unknown", null, "carl", List.of()));
      assertThat(posts.recordMatches("bahn/later", history)).isEqualTo(2);
      assertThat(posts.recordMatches("bahn/later", history)).isZero();
      assertThat(posts.recordMatches("bahn/later", List.of())).isZero();
      assertThat(ledger.rollups().stats("bahn").byQuery()).containsEntry("bahn/later", 2L);

      posts.forgetMatches("bahn/later");
      assertThat(ledger.rollups().stats("bahn").byQuery()).doesNotContainKey("bahn/later");
      assertThat(ledger.rollups().hourlyCounts("bahn/later", null, null)).isEmpty();
      assertThat(posts.recordMatches("bahn/later", history.subList(0, 1))).isEqualTo(1);
      assertThat(ledger.rollups().hourlyCounts("bahn/later", null, null))
          .singleElement()
          .extracting(h -> h.posts())
          .isEqualTo(1L);
      // an id is never taken for another that contains it, or that it would match as a pattern
      assertThat(posts.recordMatches("bahn/late_", history.subList(0, 1))).isEqualTo(1);
      assertThat(posts.recordMatches("bahn/lat", history.subList(0, 1))).isEqualTo(1);
      posts.forgetMatches("bahn/lat");
      assertThat(ledger.rollups().stats("bahn").byQuery())
          .containsEntry("bahn/later", 1L)
          .containsEntry("bahn/late_", 1L)
          .doesNotContainKey("bahn/lat");
      assertThat(posts.knownPostIds(List.of("unknown"))).isEmpty();
    }
  }

  @Test
  void forgettingOneQueryKeepsTheOthers() {
    try (LedgerRoles ledger = open(directory)) {
      ledger
          .postLedger()
          .record(List.of(conversation("a", null, "anna", List.of("bahn/one", "bahn/two"))));
      ledger.postLedger().forgetMatches("bahn/one");
      assertThat(ledger.rollups().stats("bahn").byQuery())
          .containsOnlyKeys("bahn/two")
          .containsEntry("bahn/two", 1L);
      assertThat(ledger.rollups().stats("bahn").posts()).isEqualTo(1); // the post stays
    }
  }

  @Test
  void recentFingerprintsAreTheNewestOriginalsOldestFirst() {
    try (LedgerRoles ledger = open(directory)) {
      StoredPost copy = conversation("copy", null, "dora", List.of());
      copy = new StoredPost(copy.post().toBuilder().duplicateOf("first").build(), List.of());
      StoredPost unprinted = conversation("none", null, "emil", List.of());
      unprinted = new StoredPost(unprinted.post().toBuilder().fingerprint(0).build(), List.of());
      ledger.postLedger().record(List.of(conversation("first", null, "anna", List.of())));
      ledger.postLedger().record(List.of(conversation("second", null, "ben", List.of())));
      ledger.postLedger().record(List.of(copy, unprinted));
      ledger.postLedger().record(List.of(conversation("third", null, "cem", List.of())));

      assertThat(ledger.postLedger().recentFingerprints(2))
          .containsExactly(
              new DuplicateDetector.Entry("second", "second".hashCode()),
              new DuplicateDetector.Entry("third", "third".hashCode()));
      assertThat(ledger.postLedger().recentFingerprints(10))
          .extracting(DuplicateDetector.Entry::postId)
          .containsExactly("first", "second", "third");
    }
  }

  @Test
  void forgettingPostsTakesThemOutOfEveryFigure() {
    try (LedgerRoles ledger = open(directory)) {
      StoredPost root =
          SamplePosts.withSentiment(
              conversation("root", null, "anna", List.of("bahn/brand")), "negative", 1);
      StoredPost c1 =
          SamplePosts.withSentiment(
              conversation("c1", "root", "ben", List.of("bahn/brand", "bahn/delay")),
              "negative",
              2);
      StoredPost c2 = conversation("c2", "c1", "anna", List.of("bahn/brand"));
      StoredPost c3 = conversation("c3", "root", "cem", List.of());
      ledger.postLedger().record(List.of(root, c1, c2, c3));

      assertThat(
              ledger
                  .postLedger()
                  .forget(List.of(c1, conversation("unknown", null, "x", List.of()))))
          .isEqualTo(1);
      assertThat(ledger.postLedger().forget(List.of(c1))).isZero();

      assertThat(ledger.postLedger().knownPostIds(List.of("root", "c1", "c2")))
          .isEqualTo(Set.of("root", "c2"));
      var stats = ledger.rollups().stats("bahn");
      assertThat(stats.posts()).isEqualTo(3);
      assertThat(stats.byQuery()).containsEntry("bahn/brand", 2L).doesNotContainKey("bahn/delay");
      assertThat(ledger.rollups().hourlyCounts("bahn/delay", null, null)).isEmpty();
      assertThat(ledger.rollups().hourlySentiment("bahn/brand", null, null))
          .extracting(h -> h.posts())
          .containsExactly(1L);
      assertThat(ledger.rollups().authors("bahn", 10))
          .extracting(a -> a.authorId())
          .containsExactlyInAnyOrder("anna", "cem");
      assertThat(ledger.rollups().threads("bahn", 10).get(0).posts()).isEqualTo(3);
      assertThat(ledger.rollups().threads("bahn", 10).get(0).title())
          .isEqualTo("Bahnchaos in Köln");

      // the opening post gone, the thread keeps its replies but not the opening post's words
      ledger.postLedger().forget(List.of(root));
      assertThat(ledger.rollups().threads("bahn", 10).get(0).posts()).isEqualTo(2);
      // a thread without a name is listed with an empty one, as the pages show such threads
      assertThat(ledger.rollups().threads("bahn", 10).get(0).title()).isEmpty();
      ledger.postLedger().forget(List.of(c2, c3));
      assertThat(ledger.rollups().threads("bahn", 10)).isEmpty();
      assertThat(ledger.rollups().authors("bahn", 10)).isEmpty();
      assertThat(ledger.rollups().stats("bahn").posts()).isZero();
      ledger.postLedger().compact();
    }
  }

  @Test
  void anAuthorsPostsMoveToAPseudonym() {
    try (LedgerRoles ledger = open(directory)) {
      ledger
          .postLedger()
          .record(
              List.of(
                  conversation("root", null, "anna", List.of("bahn/brand")),
                  conversation("c1", "root", "ben", List.of()),
                  conversation("c2", "c1", "anna", List.of())));
      assertThat(ledger.postLedger().moveAuthor("anna", "pseudonym:1f2e", "author 1f2e"))
          .isEqualTo(2);
      assertThat(ledger.postLedger().moveAuthor("anna", "pseudonym:1f2e", "author 1f2e")).isZero();
      assertThat(ledger.rollups().authors("bahn", 10))
          .extracting(a -> a.authorId(), a -> a.posts())
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("pseudonym:1f2e", 2L),
              org.assertj.core.groups.Tuple.tuple("ben", 1L));
      assertThat(ledger.rollups().stats("bahn").posts()).isEqualTo(3);
    }
  }

  @Test
  void threadTitlesLoseTheIdentifiersOfAnErasedPerson() {
    try (LedgerRoles ledger = open(directory)) {
      StoredPost root = conversation("root", null, "anna", List.of());
      ledger
          .postLedger()
          .record(
              List.of(
                  new StoredPost(
                      root.post().toBuilder().title("Antwort an Anna Berg (@anna_b)").build(),
                      List.of())));
      assertThat(
              ledger
                  .postLedger()
                  .redactThreadTitles(
                      List.of("root", "other"), List.of("anna berg", "anna_b"), "[x]"))
          .isEqualTo(1);
      assertThat(ledger.rollups().threads("bahn", 10).get(0).title())
          .isEqualTo("Antwort an [x] (@[x])");
      assertThat(ledger.postLedger().redactThreadTitles(List.of("root"), List.of("anna_b"), "[x]"))
          .isZero();
    }
  }
}
