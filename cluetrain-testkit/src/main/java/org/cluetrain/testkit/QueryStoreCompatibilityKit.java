package org.cluetrain.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cluetrain.query.QueryStore;
import org.cluetrain.query.SavedQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compatibility kit of {@link QueryStore}: a query is kept once per project and name (saving again
 * replaces it), exactly (role, examples, who and when), by project and name, across a reopen.
 */
public abstract class QueryStoreCompatibilityKit {
  private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

  @TempDir protected Path directory;

  /**
   * Opens the query store whose data lives in {@code directory}: empty the first time, the same
   * data when opened again after the previous one was closed.
   */
  protected abstract QueryStore open(Path directory);

  @Test
  void savingAgainReplacesAndEverythingRoundTrips() {
    SavedQuery strike =
        new SavedQuery(
            "bahn",
            "streik",
            "streik* NEAR/3 bahn",
            SavedQuery.Role.LISTEN,
            List.of("Streik bei der Bahn", "Die Bahn streikt"),
            List.of("Hungerstreik"));
    QueryStore.Edit first = new QueryStore.Edit(SavedQuery.of("bahn", "streik", "streik"), "jo", T);
    QueryStore.Edit second = new QueryStore.Edit(strike, "ana", T.plusSeconds(60));
    QueryStore.Edit other =
        new QueryStore.Edit(SavedQuery.of("airlines", "lh", "lufthansa"), "ana", T);
    try (QueryStore queries = open(directory)) {
      queries.save(first);
      queries.save(other);
      queries.save(second);
    }
    try (QueryStore queries = open(directory)) {
      assertThat(queries.all()).containsExactly(other, second);
    }
  }

  @Test
  void deletingAnswersWhetherThereWasOne() {
    try (QueryStore queries = open(directory)) {
      queries.save(new QueryStore.Edit(SavedQuery.of("bahn", "streik", "streik"), "jo", T));
      assertThat(queries.delete("airlines", "streik")).isFalse();
      assertThat(queries.delete("bahn", "streik")).isTrue();
      assertThat(queries.delete("bahn", "streik")).isFalse();
      assertThat(queries.all()).isEmpty();
    }
  }
}
