package org.cluetrain.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cluetrain.alert.Alert;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.alert.Explanation;
import org.cluetrain.detect.DetectorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compatibility kit of {@link AlertStore}: saving is idempotent by alert id, also across a reopen,
 * and keeps the whole explanation; lists are newest first, per project, with or without the
 * acknowledged; deliveries are kept per destination with their latest state.
 */
public abstract class AlertStoreCompatibilityKit {
  private static final Instant T = Instant.parse("2026-03-02T10:15:00Z");

  @TempDir protected Path directory;

  /**
   * Opens the alert store whose data lives in {@code directory}: empty the first time, the same
   * data when opened again after the previous one was closed.
   */
  protected abstract OpenStore<AlertStore> open(Path directory);

  /** An alert with a complete explanation, raised for the window ending at {@code at}. */
  public static Alert alert(String id, String project, Instant at) {
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

  @Test
  void alertsSurviveAReopenWithTheirExplanationAndAreNotStoredTwice() throws Exception {
    Alert alert = alert("a1", "p", T);
    try (OpenStore<AlertStore> alerts = open(directory)) {
      assertThat(alerts.store().save(List.of(alert, alert))).containsExactly(alert);
      assertThat(alerts.store().save(List.of())).isEmpty();
    }
    try (OpenStore<AlertStore> alerts = open(directory)) {
      assertThat(alerts.store().save(List.of(alert))).isEmpty();
      AlertStore.StoredAlert stored = alerts.store().get("a1").orElseThrow();
      assertThat(stored.alert()).isEqualTo(alert);
      assertThat(stored.alert().explanation().leadTime()).isEqualTo(Duration.ofMinutes(95));
      assertThat(stored.acknowledged()).isFalse();
      assertThat(stored.deliveries()).isEmpty();
      assertThat(alerts.store().list(null, false, 10)).hasSize(1);
      assertThat(alerts.store().get("missing")).isEmpty();
    }
  }

  @Test
  void listsNewestFirstPerProjectAndHidesAcknowledgedOnes() throws Exception {
    try (OpenStore<AlertStore> open = open(directory)) {
      AlertStore alerts = open.store();
      alerts.save(
          List.of(
              alert("old", "p", T),
              alert("new", "p", T.plus(Duration.ofHours(3))),
              alert("other", "q", T.plus(Duration.ofHours(1)))));
      assertThat(alerts.list("p", false, 10))
          .extracting(s -> s.alert().id())
          .containsExactly("new", "old");
      assertThat(alerts.list("p", false, 1)).extracting(s -> s.alert().id()).containsExactly("new");
      assertThat(alerts.list(null, false, 10))
          .extracting(s -> s.alert().id())
          .containsExactly("new", "other", "old");
      AlertStore.StoredAlert acknowledged =
          alerts.acknowledge("new", "ann", T.plus(Duration.ofHours(4))).orElseThrow();
      assertThat(acknowledged.acknowledged()).isTrue();
      assertThat(acknowledged.acknowledgedBy()).isEqualTo("ann");
      assertThat(acknowledged.acknowledgedAt()).isEqualTo(T.plus(Duration.ofHours(4)));
      assertThat(alerts.list("p", true, 10)).extracting(s -> s.alert().id()).containsExactly("old");
      assertThat(alerts.acknowledge("missing", "ann", T)).isEmpty();
      assertThat(alerts.raisedSince(T.plus(Duration.ofMinutes(30))))
          .extracting(Alert::id)
          .containsExactly("other", "new");
    }
  }

  @Test
  void deliveriesAreKeptPerDestinationWithTheirLatestState() throws Exception {
    try (OpenStore<AlertStore> open = open(directory)) {
      AlertStore alerts = open.store();
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
          .extracting(
              AlertStore.Delivery::destination,
              AlertStore.Delivery::state,
              AlertStore.Delivery::attempts)
          .containsExactly(
              tuple("mail", AlertStore.DeliveryState.FAILED, 8),
              tuple("ops", AlertStore.DeliveryState.DELIVERED, 2));
    }
  }

  @Test
  void alertsQuotingAPersonAreFoundAndRedactedButKept() throws Exception {
    try (OpenStore<AlertStore> alerts = open(directory)) {
      alerts.store().save(List.of(alert("a1", "p", T), alert("a2", "q", T.plusSeconds(3600))));

      // the example post of each alert was written by "Ann"
      assertThat(alerts.store().mentioning(List.of("ann")))
          .extracting(a -> a.alert().id())
          .containsExactlyInAnyOrder("a1", "a2");
      assertThat(alerts.store().mentioning(List.of("nobody here"))).isEmpty();
      assertThat(alerts.store().mentioning(List.of())).isEmpty();

      assertThat(alerts.store().redact(List.of("ANN"), "[erased]")).isEqualTo(2);
      Alert redacted = alerts.store().get("a1").orElseThrow().alert();
      assertThat(redacted.explanation().examples().get(0).author()).isEqualTo("[erased]");
      assertThat(redacted.explanation().observed()).isEqualTo(40);
      assertThat(alerts.store().mentioning(List.of("ann"))).isEmpty();
      assertThat(alerts.store().redact(List.of("ann"), "[erased]")).isZero();
    }
  }
}
