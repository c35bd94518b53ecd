package org.cluetrain.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cluetrain.privacy.SuppressionList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compatibility kit of {@link SuppressionList}: keyed hashes are added once, survive a reopen, and
 * a look-up answers exactly which of the asked are listed.
 */
public abstract class SuppressionListCompatibilityKit {
  private static final Instant T = Instant.parse("2026-03-02T10:15:00Z");

  @TempDir protected Path directory;

  /**
   * Opens the suppression list whose data lives in {@code directory}: empty the first time, the
   * same data when opened again after the previous one was closed.
   */
  protected abstract OpenStore<SuppressionList> open(Path directory);

  @Test
  void keyedHashesAreListedOnceAndSurviveAReopen() throws Exception {
    try (OpenStore<SuppressionList> list = open(directory)) {
      assertThat(list.store().suppressedCount()).isZero();
      assertThat(list.store().suppressedAmong(List.of("a1"))).isEmpty();
      list.store().suppress(List.of("a1", "b2"), T);
      list.store().suppress(List.of("a1"), T.plusSeconds(60));
      list.store().suppress(List.of(), T);
      assertThat(list.store().suppressedCount()).isEqualTo(2);
    }
    try (OpenStore<SuppressionList> list = open(directory)) {
      assertThat(list.store().suppressedAmong(List.of("a1", "c3", "b2")))
          .isEqualTo(Set.of("a1", "b2"));
      assertThat(list.store().suppressedAmong(List.of())).isEmpty();
      assertThat(list.store().suppressedCount()).isEqualTo(2);
    }
  }
}
