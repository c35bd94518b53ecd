package org.cluetrain.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cluetrain.alert.Alert;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.json.Json;
import org.cluetrain.privacy.Subject;
import org.jspecify.annotations.Nullable;

/**
 * Alerts in the ledger's database: indexed columns for listing and cooldowns, the whole alert with
 * its explanation as JSON. Inserting an alert whose id is stored already changes nothing, so
 * replaying posts after a restart cannot store an alert twice.
 */
final class JdbcAlertStore implements AlertStore {
  private static final ObjectMapper JSON = Json.mapper();

  /** Alerts stored by a newer version may carry fields this one does not know. */
  private static final ObjectReader ALERT =
      JSON.readerFor(Alert.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** At most this many alerts per list (SQLite binds at most 999 parameters per statement). */
  static final int MAX_LIST = 500;

  private static final String STORED_COLUMNS = "alert_json, acknowledged_at, acknowledged_by";

  private final JdbcDatabase database;

  JdbcAlertStore(JdbcDatabase database) {
    this.database = database;
  }

  @Override
  public List<Alert> save(Collection<Alert> alerts) {
    return database.inTransaction(
        "alerts",
        () -> {
          List<Alert> added = new ArrayList<>();
          for (Alert alert : alerts) {
            int rows =
                database.update(
                    "alert " + alert.id(),
                    "INSERT INTO alerts (id, project, rule, detector, query_id, group_id,"
                        + " window_end, raised_at, score, summary, alert_json)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING",
                    alert.id(),
                    alert.project(),
                    alert.rule(),
                    alert.detector().label(),
                    alert.queryId(),
                    alert.groupId(),
                    alert.at().toEpochMilli(),
                    alert.raisedAt().toEpochMilli(),
                    alert.explanation().score(),
                    alert.explanation().summary(),
                    json(alert));
            if (rows == 1) {
              added.add(alert);
            }
          }
          return added;
        });
  }

  @Override
  public List<StoredAlert> list(@Nullable String project, boolean unacknowledgedOnly, int limit) {
    if (limit < 1 || limit > MAX_LIST) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIST + ", was " + limit);
    }
    StringBuilder sql = new StringBuilder("SELECT " + STORED_COLUMNS + " FROM alerts WHERE 1 = 1");
    List<Object> parameters = new ArrayList<>();
    if (project != null) {
      sql.append(" AND project = ?");
      parameters.add(project);
    }
    if (unacknowledgedOnly) {
      sql.append(" AND acknowledged_at IS NULL");
    }
    sql.append(" ORDER BY window_end DESC, id LIMIT ?");
    parameters.add(limit);
    return withDeliveries(
        database.select("alerts", sql.toString(), JdbcAlertStore::stored, parameters.toArray()));
  }

  @Override
  public Optional<StoredAlert> get(String alertId) {
    return withDeliveries(
            database.select(
                "alert " + alertId,
                "SELECT " + STORED_COLUMNS + " FROM alerts WHERE id = ?",
                JdbcAlertStore::stored,
                alertId))
        .stream()
        .findFirst();
  }

  @Override
  public List<Alert> raisedSince(Instant since) {
    return database
        .select(
            "alerts",
            "SELECT " + STORED_COLUMNS + " FROM alerts WHERE window_end >= ? ORDER BY window_end",
            JdbcAlertStore::stored,
            since.toEpochMilli())
        .stream()
        .map(StoredAlert::alert)
        .toList();
  }

  @Override
  public Optional<StoredAlert> acknowledge(String alertId, String by, Instant at) {
    database.update(
        "the acknowledgement of alert " + alertId,
        "UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ?"
            + " WHERE id = ? AND acknowledged_at IS NULL",
        at.toEpochMilli(),
        by,
        alertId);
    return get(alertId);
  }

  @Override
  public void recordDelivery(Delivery delivery) {
    database.update(
        "the delivery of alert " + delivery.alertId(),
        "INSERT INTO alert_deliveries (alert_id, destination, state, attempts, last_error,"
            + " updated_at) VALUES (?,?,?,?,?,?) ON CONFLICT (alert_id, destination)"
            + " DO UPDATE SET state = excluded.state, attempts = excluded.attempts,"
            + " last_error = excluded.last_error, updated_at = excluded.updated_at",
        delivery.alertId(),
        delivery.destination(),
        delivery.state().name(),
        delivery.attempts(),
        delivery.lastError(),
        delivery.updatedAt().toEpochMilli());
  }

  @Override
  public List<StoredAlert> mentioning(List<String> identifiers) {
    if (identifiers.isEmpty()) {
      return List.of();
    }
    // every alert is read: LIKE in SQLite folds the case of ASCII letters only, and alerts are
    // few (one per rule, query and hour at most)
    List<StoredAlert> found = new ArrayList<>();
    for (String[] row : allSummariesAndJson()) {
      if (Subject.mentions(row[1], identifiers) || Subject.mentions(row[2], identifiers)) {
        get(row[0]).ifPresent(found::add);
      }
    }
    return found;
  }

  @Override
  public int redact(List<String> identifiers, String replacement) {
    if (identifiers.isEmpty()) {
      return 0;
    }
    return database.inTransaction(
        "redacted alerts",
        () -> {
          int changed = 0;
          for (String[] row : allSummariesAndJson()) {
            if (!Subject.mentions(row[1], identifiers) && !Subject.mentions(row[2], identifiers)) {
              continue;
            }
            JsonNode tree;
            try {
              tree = JSON.readTree(row[2]);
            } catch (JsonProcessingException e) {
              throw new StoreFailure("cannot read alert " + row[0] + ": " + e.getMessage(), e);
            }
            // values only, never keys: a person called "summary" must not break the alert
            JsonNode redacted = redactValues(tree, identifiers, replacement);
            String summary = redactText(row[1], identifiers, replacement);
            String json;
            try {
              json = JSON.writeValueAsString(redacted);
            } catch (JsonProcessingException e) {
              throw new StoreFailure("cannot store alert " + row[0] + ": " + e.getMessage(), e);
            }
            changed +=
                database.update(
                    "alert " + row[0],
                    "UPDATE alerts SET summary = ?, alert_json = ? WHERE id = ?",
                    summary,
                    json,
                    row[0]);
          }
          return changed;
        });
  }

  private List<String[]> allSummariesAndJson() {
    return database.select(
        "alerts",
        "SELECT id, summary, alert_json FROM alerts ORDER BY id",
        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
  }

  private static String redactText(String text, List<String> identifiers, String replacement) {
    return Subject.mentions(text, identifiers)
        ? Subject.redact(text, identifiers, replacement)
        : text;
  }

  private static JsonNode redactValues(
      JsonNode node, List<String> identifiers, String replacement) {
    if (node.isTextual()) {
      return TextNode.valueOf(redactText(node.asText(), identifiers, replacement));
    }
    if (node instanceof ObjectNode object) {
      object
          .fieldNames()
          .forEachRemaining(
              name -> object.set(name, redactValues(object.get(name), identifiers, replacement)));
      return object;
    }
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, redactValues(array.get(i), identifiers, replacement));
      }
      return array;
    }
    return node;
  }

  private static String json(Alert alert) {
    try {
      return JSON.writeValueAsString(alert);
    } catch (JsonProcessingException e) {
      throw new StoreFailure("cannot store alert " + alert.id() + ": " + e.getMessage(), e);
    }
  }

  private static StoredAlert stored(ResultSet rs) throws SQLException {
    Alert alert;
    try {
      alert = ALERT.readValue(rs.getString(1));
    } catch (JsonProcessingException e) {
      throw new StoreFailure("cannot read alerts: " + e.getMessage(), e);
    }
    long acknowledged = rs.getLong(2);
    Instant acknowledgedAt = rs.wasNull() ? null : Instant.ofEpochMilli(acknowledged);
    return new StoredAlert(alert, acknowledgedAt, rs.getString(3), List.of());
  }

  private List<StoredAlert> withDeliveries(List<StoredAlert> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    Map<String, List<Delivery>> byAlert = new HashMap<>();
    database
        .select(
            "alert deliveries",
            "SELECT alert_id, destination, state, attempts, last_error, updated_at"
                + " FROM alert_deliveries WHERE alert_id IN ("
                + String.join(",", Collections.nCopies(rows.size(), "?"))
                + ") ORDER BY destination",
            rs ->
                new Delivery(
                    rs.getString(1),
                    rs.getString(2),
                    DeliveryState.valueOf(rs.getString(3)),
                    rs.getInt(4),
                    rs.getString(5),
                    Instant.ofEpochMilli(rs.getLong(6))),
            rows.stream().map(r -> r.alert().id()).toArray())
        .forEach(d -> byAlert.computeIfAbsent(d.alertId(), id -> new ArrayList<>()).add(d));
    return rows.stream()
        .map(
            r ->
                new StoredAlert(
                    r.alert(),
                    r.acknowledgedAt(),
                    r.acknowledgedBy(),
                    byAlert.getOrDefault(r.alert().id(), List.of())))
        .toList();
  }
}
