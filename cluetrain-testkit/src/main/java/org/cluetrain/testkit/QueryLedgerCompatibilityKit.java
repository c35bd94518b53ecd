package org.cluetrain.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.cluetrain.query.SavedQuery;
import org.cluetrain.store.QueryLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compatibility kit of {@link QueryLedger}: saving replaces the named projects' queries only;
 * queries come back exactly (role, examples) by project and name, across a reopen.
 */
public abstract class QueryLedgerCompatibilityKit {
  @TempDir protected Path directory;

  /**
   * Opens the ledger whose data lives in {@code directory} (see {@link
   * PostLedgerCompatibilityKit}).
   */
  protected abstract LedgerRoles open(Path directory);

  private static final SavedQuery BRAND =
      new SavedQuery(
          "bahn",
          "brand",
          "bahn OR \"deutsche bahn\"",
          SavedQuery.Role.LISTEN,
          List.of("Die Bahn kommt", "zweites Beispiel"),
          List.of("Bahnhof"));

  @Test
  void savingReplacesTheNamedProjectsOnly() {
    SavedQuery airlines = SavedQuery.of("airlines", "lufthansa", "lufthansa");
    SavedQuery strike = SavedQuery.of("bahn", "streik", "streik*");
    try (LedgerRoles ledger = open(directory)) {
      QueryLedger queries = ledger.queryLedger();
      queries.saveQueries(List.of("bahn", "airlines"), List.of(strike, BRAND, airlines));
      queries.saveQueries(List.of("bahn"), List.of(BRAND));
    }
    try (LedgerRoles ledger = open(directory)) {
      assertThat(ledger.queryLedger().queries()).containsExactly(airlines, BRAND);
      assertThat(ledger.queryLedger().queries().get(1).mustMatch())
          .containsExactly("Die Bahn kommt", "zweites Beispiel");
      ledger.queryLedger().saveQueries(List.of("airlines"), List.of());
      assertThat(ledger.queryLedger().queries()).containsExactly(BRAND);
    }
  }
}
