package org.cluetrain.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cluetrain.jdbc.TestDatabase.OnEveryDialect;
import org.cluetrain.query.QueryStore.Edit;
import org.cluetrain.query.SavedQuery;
import org.junit.jupiter.api.io.TempDir;

class JdbcQueryStoreTest {
  static final Instant T0 = Instant.parse("2026-11-16T09:00:00Z");

  @TempDir Path dir;

  @OnEveryDialect
  void aSavedQueryIsReplacedByItsNextEditAndSurvivesAReopen(SqlDialect dialect) {
    TestDatabase place = TestDatabase.fresh(dialect, dir);
    SavedQuery first =
        new SavedQuery(
            "bahn", "stoerung", "störung OR ausfall", SavedQuery.Role.LISTEN, List.of(), List.of());
    SavedQuery edited =
        new SavedQuery(
            "bahn",
            "stoerung",
            "störung OR ausfall OR verspätung",
            SavedQuery.Role.LISTEN,
            List.of("Zug fällt aus", "Stellwerksstörung in Köln"),
            List.of("Störungsmelder"));
    try (JdbcDatabase database = place.open();
        JdbcQueryStore queries = new JdbcQueryStore(database)) {
      queries.save(new Edit(first, "ana", T0));
      queries.save(new Edit(edited, "ben", T0.plusSeconds(60)));
      queries.save(new Edit(SavedQuery.of("airlines", "delay", "delay"), "ana", T0));
    }
    try (JdbcDatabase database = place.open();
        JdbcQueryStore queries = new JdbcQueryStore(database)) {
      assertThat(queries.all())
          .extracting(Edit::query)
          .extracting(SavedQuery::project)
          .containsExactly("airlines", "bahn");
      assertThat(queries.all().get(1)).isEqualTo(new Edit(edited, "ben", T0.plusSeconds(60)));
      assertThat(queries.delete("bahn", "stoerung")).isTrue();
      assertThat(queries.delete("bahn", "stoerung")).isFalse();
      assertThat(queries.all()).hasSize(1);
    }
  }
}
