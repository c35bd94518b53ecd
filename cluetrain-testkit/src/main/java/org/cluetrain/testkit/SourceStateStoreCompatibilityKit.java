package org.cluetrain.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.ingest.SourceStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compatibility kit of {@link SourceStateStore}: health is replaced per source and read back
 * exactly in project and source order; validators belong to a source with health and survive a
 * reopen.
 */
public abstract class SourceStateStoreCompatibilityKit {
  @TempDir protected Path directory;

  /**
   * Opens the ledger whose data lives in {@code directory} (see {@link
   * PostLedgerCompatibilityKit}).
   */
  protected abstract LedgerRoles open(Path directory);

  private static SourceHealth unreachable(String sourceId, String project) {
    return new SourceHealth(
        sourceId,
        project,
        "https://x.example/feed",
        SourceHealth.State.UNREACHABLE,
        SamplePosts.T0,
        null,
        "unreachable: https://x.example/feed (connection refused)",
        2,
        0,
        0,
        SamplePosts.T0.plusSeconds(60),
        List.of("a", "b"));
  }

  @Test
  void healthRoundTripsExactlyAndSurvivesAReopen() {
    SourceHealth health = unreachable("feed:x", "bahn");
    try (LedgerRoles ledger = open(directory)) {
      ledger.sourceStates().saveHealth(health);
    }
    try (LedgerRoles ledger = open(directory)) {
      assertThat(ledger.sourceStates().health()).containsExactly(health);
      SourceHealth read = ledger.sourceStates().health().get(0);
      assertThat(read.lastSuccess()).isNull();
      assertThat(read.gaps()).containsExactly("a", "b");
    }
  }

  @Test
  void healthIsReplacedPerSourceAndListedByProjectThenSource() {
    try (LedgerRoles ledger = open(directory)) {
      ledger.sourceStates().saveHealth(unreachable("feed:b", "zoo"));
      ledger.sourceStates().saveHealth(unreachable("feed:z", "bahn"));
      ledger.sourceStates().saveHealth(unreachable("feed:a", "bahn"));
      SourceHealth pending = SourceHealth.pending("feed:z", "bahn", "https://z.example/feed");
      ledger.sourceStates().saveHealth(pending);

      assertThat(ledger.sourceStates().health())
          .extracting(h -> h.project() + " " + h.sourceId())
          .containsExactly("bahn feed:a", "bahn feed:z", "zoo feed:b");
      assertThat(ledger.sourceStates().health().get(1)).isEqualTo(pending);
    }
  }

  @Test
  void validatorsAreKeptForSourcesWithHealthOnly() {
    try (LedgerRoles ledger = open(directory)) {
      ledger.sourceStates().saveHealth(unreachable("feed:x", "bahn"));
      ledger.sourceStates().saveValidators("feed:x", "\"abc\"", "Mon, 23 Nov 2026 05:00:00 GMT");
      ledger.sourceStates().saveValidators("feed:unknown", "\"e\"", null);
    }
    try (LedgerRoles ledger = open(directory)) {
      assertThat(ledger.sourceStates().validators("feed:x").orElseThrow())
          .containsExactly("\"abc\"", "Mon, 23 Nov 2026 05:00:00 GMT");
      assertThat(ledger.sourceStates().validators("feed:unknown")).isEmpty();
      ledger.sourceStates().saveValidators("feed:x", null, "Tue, 24 Nov 2026 05:00:00 GMT");
      assertThat(ledger.sourceStates().validators("feed:x").orElseThrow())
          .containsExactly(null, "Tue, 24 Nov 2026 05:00:00 GMT");
      // saving health again keeps the validators: the next fetch is still conditional
      ledger.sourceStates().saveHealth(unreachable("feed:x", "bahn"));
      assertThat(ledger.sourceStates().validators("feed:x").orElseThrow())
          .containsExactly(null, "Tue, 24 Nov 2026 05:00:00 GMT");
    }
  }

  @Test
  void cursorsBelongToSourcesWithHealthSurviveAReopenAndOutliveNewHealth() {
    try (LedgerRoles ledger = open(directory)) {
      ledger.sourceStates().saveHealth(unreachable("mastodon:x", "bahn"));
      ledger.sourceStates().saveCursor("mastodon:x", "110372548192837465");
      ledger.sourceStates().saveCursor("mastodon:unknown", "1");
      ledger.sourceStates().saveHealth(unreachable("mastodon:x", "bahn"));
    }
    try (LedgerRoles ledger = open(directory)) {
      assertThat(ledger.sourceStates().cursor("mastodon:x")).contains("110372548192837465");
      assertThat(ledger.sourceStates().cursor("mastodon:unknown")).isEmpty();
      ledger.sourceStates().saveCursor("mastodon:x", null);
      assertThat(ledger.sourceStates().cursor("mastodon:x")).isEmpty();
    }
  }

  @Test
  void definitionsAreReplacedByProjectAndNameRemovedAndSurviveAReopen() {
    org.cluetrain.ingest.SourceDefinition tag =
        new org.cluetrain.ingest.SourceDefinition(
            "bahn",
            "fediverse",
            "mastodon",
            "https://mastodon.social",
            java.util.Map.of("tag", "bahn", "stream", "true"),
            300);
    org.cluetrain.ingest.SourceDefinition search =
        new org.cluetrain.ingest.SourceDefinition(
            "bahn",
            "fediverse",
            "mastodon",
            "https://fosstodon.org",
            java.util.Map.of("search", "db app"),
            600);
    try (LedgerRoles ledger = open(directory)) {
      ledger.sourceStates().saveDefinition(tag);
      ledger
          .sourceStates()
          .saveDefinition(
              new org.cluetrain.ingest.SourceDefinition(
                  "acme", "zeta", "mastodon", "https://a.example", java.util.Map.of(), 60));
    }
    try (LedgerRoles ledger = open(directory)) {
      assertThat(ledger.sourceStates().definitions())
          .extracting(d -> d.project() + " " + d.name())
          .containsExactly("acme zeta", "bahn fediverse");
      assertThat(ledger.sourceStates().definitions().get(1)).isEqualTo(tag);
      ledger.sourceStates().saveDefinition(search);
      assertThat(ledger.sourceStates().definitions().get(1)).isEqualTo(search);
      assertThat(ledger.sourceStates().removeDefinition("bahn", "fediverse")).isTrue();
      assertThat(ledger.sourceStates().removeDefinition("bahn", "fediverse")).isFalse();
      assertThat(ledger.sourceStates().definitions()).hasSize(1);
    }
  }
}
