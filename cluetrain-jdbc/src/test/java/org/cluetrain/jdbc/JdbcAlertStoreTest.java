package org.cluetrain.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.cluetrain.alert.Alert;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.alert.DetectorKind;
import org.cluetrain.alert.Explanation;
import org.cluetrain.jdbc.TestDatabase.OnEveryDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcAlertStoreTest {
  private static final Instant T = Instant.parse("2026-03-02T10:15:00Z");

  @TempDir Path dir;

  static Alert alert(String id, String project, Instant at) {
    Explanation why =
        new Explanation(
            "Posts on " + project + "/q: 40 in the hour, 4.0× the 10 expected (score 9.1).",
            40,
            10,
            "posts",
            at.minus(Duration.ofHours(1)),
            at,
            at.minus(Duration.ofDays(28)),
            at.minus(Duration.ofHours(2)),
            "28 days of history",
            "Poisson",
            1e-9,
            9.0,
            List.of(new Explanation.TermCount("outage", 30, 12.5)),
            List.of(new Explanation.SourceCount("forum.example", 22)),
            List.of(new Explanation.ExamplePost("x:1", at, "forum.example", "Ann", "outage again")),
            Duration.ofMinutes(95));
    return new Alert(id, project, "volume", DetectorKind.VOLUME, project + "/q", null, id, at, why);
  }

  @OnEveryDialect
  void alertsSurviveAReopenWithTheirExplanationAndAreNotStoredTwice(SqlDialect dialect) {
    TestDatabase place = TestDatabase.fresh(dialect, dir);
    Alert alert = alert("a1", "p", T);
    try (JdbcDatabase database = place.open()) {
      assertThat(new JdbcAlertStore(database).save(List.of(alert))).containsExactly(alert);
    }
    try (JdbcDatabase database = place.open()) {
      AlertStore alerts = new JdbcAlertStore(database);
      assertThat(alerts.save(List.of(alert))).isEmpty();
      AlertStore.StoredAlert stored = alerts.get("a1").orElseThrow();
      assertThat(stored.alert()).isEqualTo(alert);
      assertThat(stored.alert().explanation().leadTime()).isEqualTo(Duration.ofMinutes(95));
      assertThat(alerts.list(null, false, 10)).hasSize(1);
    }
  }

  @Test
  void theLedgerKeepsItsAlertsInItsOwnFile() {
    Path file = dir.resolve("ledger.db");
    Alert alert = alert("a1", "p", T);
    try (JdbcListeningLedger ledger = JdbcListeningLedger.openSqlite(file)) {
      assertThat(ledger.alerts().save(List.of(alert))).containsExactly(alert);
    }
    try (JdbcListeningLedger ledger = JdbcListeningLedger.openSqlite(file)) {
      assertThat(ledger.alerts().save(List.of(alert))).isEmpty();
      assertThat(ledger.alerts().get("a1")).isPresent();
    }
  }

  @OnEveryDialect
  void listsNewestFirstPerProjectAndHidesAcknowledgedOnes(SqlDialect dialect) {
    try (JdbcDatabase database = TestDatabase.fresh(dialect, dir).open()) {
      AlertStore alerts = new JdbcAlertStore(database);
      alerts.save(
          List.of(
              alert("old", "p", T),
              alert("new", "p", T.plus(Duration.ofHours(3))),
              alert("other", "q", T.plus(Duration.ofHours(1)))));
      assertThat(alerts.list("p", false, 10))
          .extracting(s -> s.alert().id())
          .containsExactly("new", "old");
      AlertStore.StoredAlert acknowledged =
          alerts.acknowledge("new", "ann", T.plus(Duration.ofHours(4))).orElseThrow();
      assertThat(acknowledged.acknowledged()).isTrue();
      assertThat(acknowledged.acknowledgedBy()).isEqualTo("ann");
      assertThat(alerts.list("p", true, 10)).extracting(s -> s.alert().id()).containsExactly("old");
      assertThat(alerts.acknowledge("missing", "ann", T)).isEmpty();
      assertThat(alerts.raisedSince(T.plus(Duration.ofMinutes(30))))
          .extracting(Alert::id)
          .containsExactly("other", "new");
    }
  }

  @OnEveryDialect
  void deliveriesAreKeptPerDestinationWithTheirLatestState(SqlDialect dialect) {
    try (JdbcDatabase database = TestDatabase.fresh(dialect, dir).open()) {
      AlertStore alerts = new JdbcAlertStore(database);
      alerts.save(List.of(alert("a", "p", T)));
      alerts.recordDelivery(
          new AlertStore.Delivery(
              "a", "ops", AlertStore.DeliveryState.PENDING, 1, "HTTP 503", T.plusSeconds(1)));
      alerts.recordDelivery(
          new AlertStore.Delivery(
              "a", "ops", AlertStore.DeliveryState.DELIVERED, 2, null, T.plusSeconds(3)));
      alerts.recordDelivery(
          new AlertStore.Delivery(
              "a", "mail", AlertStore.DeliveryState.FAILED, 8, "refused", T.plusSeconds(9)));
      List<AlertStore.Delivery> deliveries = alerts.get("a").orElseThrow().deliveries();
      assertThat(deliveries)
          .extracting(AlertStore.Delivery::destination, AlertStore.Delivery::state)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("mail", AlertStore.DeliveryState.FAILED),
              org.assertj.core.groups.Tuple.tuple("ops", AlertStore.DeliveryState.DELIVERED));
    }
  }

  @Test
  void aVersionOneLedgerIsExtendedWithTheAlertTablesAndKeepsItsPosts() throws Exception {
    Path file = dir.resolve("old.db");
    try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = old.createStatement();
        InputStream v1 = JdbcListeningLedger.class.getResourceAsStream("schema-v1.sql")) {
      for (String sql : new String(v1.readAllBytes(), StandardCharsets.UTF_8).split(";\\s*\\n")) {
        String body = sql.replaceAll("(?m)^--.*$", "").strip();
        if (!body.isEmpty()) {
          statement.execute(body);
        }
      }
      statement.execute(
          "INSERT INTO posts (seq, id, source_id, thread_id, kind, published, fingerprint)"
              + " VALUES (1, 'x:1', 's', 'x:1', 'post', 0, 0)");
    }
    try (JdbcListeningLedger ledger = JdbcListeningLedger.openSqlite(file)) {
      assertThat(ledger.knownPostIds(Set.of("x:1"))).containsExactly("x:1");
      assertThat(ledger.alerts().save(List.of(alert("a", "p", T)))).hasSize(1);
    }
  }
}
