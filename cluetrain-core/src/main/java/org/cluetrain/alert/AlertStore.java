package org.cluetrain.alert;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where alerts are kept, so that they survive a restart, can be acknowledged and show how their
 * delivery went. Saving is idempotent by alert id: an alert raised again after a restart is not
 * stored twice.
 */
public interface AlertStore {

  /**
   * Stores the alerts that are not stored yet.
   *
   * @return those that were new, in order
   */
  List<Alert> save(Collection<Alert> alerts);

  /** The alerts of a project (or all, {@code null}), newest first, at most {@code limit}. */
  List<StoredAlert> list(@Nullable String project, boolean unacknowledgedOnly, int limit);

  Optional<StoredAlert> get(String alertId);

  /**
   * The alerts whose window ended at or after {@code since}, to restore cooldowns and groups after
   * a restart.
   */
  List<Alert> raisedSince(Instant since);

  /**
   * Acknowledges an alert: someone has seen it and acts on it.
   *
   * @return the alert as now stored, or empty when there is no alert with this id
   */
  Optional<StoredAlert> acknowledge(String alertId, String by, Instant at);

  /** Records how delivering an alert to one destination went. */
  void recordDelivery(Delivery delivery);

  /**
   * The alerts whose summary or explanation (the posts it quotes, their authors) holds one of the
   * identifiers, in any case.
   */
  List<StoredAlert> mentioning(List<String> identifiers);

  /**
   * Replaces every identifier (any case) with {@code replacement} in alerts' summaries and
   * explanations; the alerts and their figures stay.
   *
   * @return how many alerts changed
   */
  int redact(List<String> identifiers, String replacement);

  /** An alert as stored, with its acknowledgement and deliveries. */
  record StoredAlert(
      Alert alert,
      @Nullable Instant acknowledgedAt,
      @Nullable String acknowledgedBy,
      List<Delivery> deliveries) {
    public StoredAlert {
      deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
    }

    public boolean acknowledged() {
      return acknowledgedAt != null;
    }
  }

  /**
   * How delivering one alert to one destination went.
   *
   * @param alertId the alert
   * @param destination the destination's name
   * @param state pending, delivered or failed (gave up after the last retry)
   * @param attempts how many times it was tried
   * @param lastError the last failure, or {@code null}
   * @param updatedAt when this state was reached
   */
  record Delivery(
      String alertId,
      String destination,
      DeliveryState state,
      int attempts,
      @Nullable String lastError,
      Instant updatedAt) {}

  /** Where a delivery stands. */
  enum DeliveryState {
    PENDING,
    DELIVERED,
    FAILED
  }
}
