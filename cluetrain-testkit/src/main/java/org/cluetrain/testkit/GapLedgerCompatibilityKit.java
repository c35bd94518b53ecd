package org.cluetrain.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.cluetrain.ingest.Gap;
import org.cluetrain.ingest.GapReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compatibility kit of {@link org.cluetrain.ingest.GapLedger}: gaps round trip exactly and survive
 * a reopen, a gap recorded again with the same start is extended, backfilling marks only the gaps
 * it reached over, windows overlap {@code [since, until)}, projects are kept apart.
 */
public abstract class GapLedgerCompatibilityKit {
  @TempDir protected Path directory;

  private static final Instant T0 = SamplePosts.T0;

  /** Opens the ledger whose data lives in {@code directory}. */
  protected abstract LedgerRoles open(Path directory);

  private static Gap gap(String source, String project, long fromMinutes, long untilMinutes) {
    return new Gap(
        source,
        project,
        T0.plus(Duration.ofMinutes(fromMinutes)),
        T0.plus(Duration.ofMinutes(untilMinutes)),
        GapReason.SERVER_ERROR,
        "https://mastodon.example/api/v1/timelines/public (HTTP 502 Bad Gateway)",
        null);
  }

  @Test
  void gapsRoundTripExactlyAndSurviveAReopen() {
    Gap limited =
        new Gap(
            "mastodon:a",
            "bahn",
            T0,
            T0.plusSeconds(90),
            GapReason.RATE_LIMITED,
            "rate limited until " + T0.plusSeconds(90),
            null);
    try (LedgerRoles ledger = open(directory)) {
      ledger.gaps().record(limited);
    }
    try (LedgerRoles ledger = open(directory)) {
      assertThat(ledger.gaps().gaps("mastodon:a", T0, T0.plusSeconds(3600)))
          .containsExactly(limited);
      assertThat(ledger.gaps().gaps("mastodon:a", T0, T0.plusSeconds(3600)).get(0).backfilled())
          .isFalse();
    }
  }

  @Test
  void aGapRecordedAgainWithTheSameStartIsExtended() {
    try (LedgerRoles ledger = open(directory)) {
      ledger.gaps().record(gap("mastodon:a", "bahn", 0, 5));
      Gap longer =
          new Gap(
              "mastodon:a",
              "bahn",
              T0,
              T0.plus(Duration.ofMinutes(20)),
              GapReason.UNREACHABLE,
              "connection refused",
              null);
      ledger.gaps().record(longer);
      assertThat(ledger.gaps().gaps("mastodon:a", T0, T0.plus(Duration.ofHours(1))))
          .containsExactly(longer);
    }
  }

  @Test
  void backfillMarksOnlyOpenGapsItReachedOver() {
    Instant later = T0.plus(Duration.ofHours(2));
    try (LedgerRoles ledger = open(directory)) {
      ledger.gaps().record(gap("mastodon:a", "bahn", 0, 10));
      ledger.gaps().record(gap("mastodon:a", "bahn", 30, 40));
      ledger.gaps().record(gap("mastodon:b", "bahn", 0, 10));

      assertThat(ledger.gaps().backfill("mastodon:a", T0.plus(Duration.ofMinutes(10)), later))
          .isEqualTo(1);
      assertThat(ledger.gaps().backfill("mastodon:a", T0.plus(Duration.ofMinutes(10)), later))
          .isZero();

      assertThat(ledger.gaps().gaps("mastodon:a", T0, later))
          .extracting(Gap::backfilledAt)
          .containsExactly(later, null);
      assertThat(ledger.gaps().gaps("mastodon:b", T0, later))
          .extracting(Gap::backfilledAt)
          .containsOnlyNulls();
    }
  }

  @Test
  void windowsFindTheGapsThatOverlapThemPerSourceAndProject() {
    try (LedgerRoles ledger = open(directory)) {
      ledger.gaps().record(gap("mastodon:a", "bahn", 0, 10));
      ledger.gaps().record(gap("mastodon:a", "bahn", 60, 70));
      ledger.gaps().record(gap("reddit:b", "bahn", 5, 6));
      ledger.gaps().record(gap("mastodon:c", "zoo", 0, 10));

      assertThat(
              ledger
                  .gaps()
                  .gaps("mastodon:a", T0.plus(Duration.ofMinutes(8)), T0.plusSeconds(3600)))
          .extracting(g -> g.from())
          .containsExactly(T0);
      assertThat(
              ledger
                  .gaps()
                  .gaps("mastodon:a", T0.plus(Duration.ofMinutes(11)), T0.plusSeconds(3600)))
          .isEmpty();
      assertThat(ledger.gaps().projectGaps("bahn", T0, T0.plus(Duration.ofHours(2))))
          .extracting(g -> g.sourceId() + " " + g.from())
          .containsExactly(
              "mastodon:a " + T0,
              "mastodon:a " + T0.plus(Duration.ofMinutes(60)),
              "reddit:b " + T0.plus(Duration.ofMinutes(5)));
      assertThat(ledger.gaps().projectGaps("zoo", T0, T0.plus(Duration.ofHours(2)))).hasSize(1);
    }
  }
}
