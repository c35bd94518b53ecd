package org.cluetrain.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cluetrain.store.RelevanceLabelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compatibility kit of {@link RelevanceLabelStore}: the latest verdict on a post counts, verdicts
 * come back in labelling order, per project, across a reopen.
 */
public abstract class RelevanceLabelStoreCompatibilityKit {
  @TempDir protected Path directory;

  /**
   * Opens the ledger whose data lives in {@code directory} (see {@link
   * PostLedgerCompatibilityKit}).
   */
  protected abstract LedgerRoles open(Path directory);

  @Test
  void theLatestVerdictCountsInLabellingOrderPerProject() {
    try (LedgerRoles ledger = open(directory)) {
      RelevanceLabelStore labels = ledger.relevanceLabels();
      labels.saveRelevanceLabel("bahn", "p2", true, SamplePosts.T0);
      labels.saveRelevanceLabel("bahn", "p1", false, SamplePosts.T0.plusSeconds(1));
      labels.saveRelevanceLabel("other", "p1", true, SamplePosts.T0.plusSeconds(2));
      labels.saveRelevanceLabel("bahn", "p2", false, SamplePosts.T0.plusSeconds(3));
    }
    try (LedgerRoles ledger = open(directory)) {
      assertThat(ledger.relevanceLabels().relevanceLabels("bahn"))
          .containsExactly(java.util.Map.entry("p1", false), java.util.Map.entry("p2", false));
      assertThat(ledger.relevanceLabels().relevanceLabels("other"))
          .containsExactly(java.util.Map.entry("p1", true));
      assertThat(ledger.relevanceLabels().relevanceLabels("nobody")).isEmpty();
    }
  }

  @Test
  void verdictsAboutPostsAreCountedAndForgottenInEveryProject() {
    try (LedgerRoles ledger = open(directory)) {
      Instant at = Instant.parse("2026-03-02T10:00:00Z");
      ledger.relevanceLabels().saveRelevanceLabel("bahn", "p1", true, at);
      ledger.relevanceLabels().saveRelevanceLabel("zug", "p1", false, at);
      ledger.relevanceLabels().saveRelevanceLabel("bahn", "p2", true, at);

      assertThat(ledger.relevanceLabels().countRelevanceLabels(List.of("p1", "p9"))).isEqualTo(2);
      assertThat(ledger.relevanceLabels().forgetRelevanceLabels(List.of("p1", "p9"))).isEqualTo(2);
      assertThat(ledger.relevanceLabels().relevanceLabels("bahn")).containsOnlyKeys("p2");
      assertThat(ledger.relevanceLabels().relevanceLabels("zug")).isEmpty();
      assertThat(ledger.relevanceLabels().countRelevanceLabels(List.of("p1"))).isZero();
    }
  }
}
