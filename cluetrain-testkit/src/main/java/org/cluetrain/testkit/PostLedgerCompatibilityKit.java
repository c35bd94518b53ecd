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
}
