package org.cluetrain.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cluetrain.alert.Alert;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.json.Json;

/**
 * Alerts in the ledger's database: indexed columns for listing and cooldowns, the whole alert with
 * its explanation as JSON. Inserting an alert whose id is stored already changes nothing, so
 * replaying posts after a restart cannot store an alert twice.
 */
final class JdbcAlertStore implements AlertStore {
  private static final ObjectMapper JSON = Json.mapper();

  /** Alerts stored by an older version may carry fields this one no longer has. */
  private static final ObjectReader ALERT =
      JSON.readerFor(Alert.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** At most this many alerts per list (SQLite binds at most 999 parameters per statement). */
  static final int MAX_LIST = 500;

  private final Connection connection;
  private final Object lock;

  JdbcAlertStore(Connection connection, Object lock) {
    this.connection = connection;
    this.lock = lock;
  }

  @Override
  public List<Alert> save(Collection<Alert> alerts) {
    synchronized (lock) {
      List<Alert> added = new ArrayList<>();
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO alerts (id, project, rule, detector, query_id, group_id, window_end,"
                  + " raised_at, score, summary, alert_json) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
                  + " ON CONFLICT (id) DO NOTHING")) {
        for (Alert alert : alerts) {
          insert.setString(1, alert.id());
          insert.setString(2, alert.project());
          insert.setString(3, alert.rule());
          insert.setString(4, alert.detector().label());
          insert.setString(5, alert.queryId());
          insert.setString(6, alert.groupId());
          insert.setLong(7, alert.at().toEpochMilli());
          insert.setLong(8, alert.raisedAt().toEpochMilli());
          insert.setDouble(9, alert.explanation().score());
          insert.setString(10, alert.explanation().summary());
          insert.setString(11, JSON.writeValueAsString(alert));
          if (insert.executeUpdate() == 1) {
            added.add(alert);
          }
        }
      } catch (SQLException | JsonProcessingException e) {
        throw new StoreFailure("cannot store alerts: " + e.getMessage(), e);
      }
      return added;
    }
  }

  @Override
  public List<StoredAlert> list(String project, boolean unacknowledgedOnly, int limit) {
    if (limit < 1 || limit > MAX_LIST) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIST + ", was " + limit);
    }
    StringBuilder sql =
        new StringBuilder(
            "SELECT alert_json, acknowledged_at, acknowledged_by FROM alerts WHERE 1 = 1");
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
    synchronized (lock) {
      List<StoredAlert> rows = read(sql.toString(), parameters);
      return withDeliveries(rows);
    }
  }

  @Override
  public Optional<StoredAlert> get(String alertId) {
    synchronized (lock) {
      List<StoredAlert> rows =
          read(
              "SELECT alert_json, acknowledged_at, acknowledged_by FROM alerts WHERE id = ?",
              List.of(alertId));
      return withDeliveries(rows).stream().findFirst();
    }
  }

  @Override
  public List<Alert> raisedSince(Instant since) {
    synchronized (lock) {
      return read(
              "SELECT alert_json, acknowledged_at, acknowledged_by FROM alerts"
                  + " WHERE window_end >= ? ORDER BY window_end",
              List.of(since.toEpochMilli()))
          .stream()
          .map(StoredAlert::alert)
          .toList();
    }
  }

  @Override
  public Optional<StoredAlert> acknowledge(String alertId, String by, Instant at) {
    synchronized (lock) {
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ?"
                  + " WHERE id = ? AND acknowledged_at IS NULL")) {
        update.setLong(1, at.toEpochMilli());
        update.setString(2, by);
        update.setString(3, alertId);
        update.executeUpdate();
      } catch (SQLException e) {
        throw new StoreFailure("cannot acknowledge alert " + alertId + ": " + e.getMessage(), e);
      }
      return get(alertId);
    }
  }

  @Override
  public void recordDelivery(Delivery delivery) {
    synchronized (lock) {
      try (PreparedStatement upsert =
          connection.prepareStatement(
              "INSERT INTO alert_deliveries (alert_id, destination, state, attempts, last_error,"
                  + " updated_at) VALUES (?,?,?,?,?,?) ON CONFLICT (alert_id, destination)"
                  + " DO UPDATE SET state = excluded.state, attempts = excluded.attempts,"
                  + " last_error = excluded.last_error, updated_at = excluded.updated_at")) {
        upsert.setString(1, delivery.alertId());
        upsert.setString(2, delivery.destination());
        upsert.setString(3, delivery.state().name());
        upsert.setInt(4, delivery.attempts());
        if (delivery.lastError() == null) {
          upsert.setNull(5, Types.VARCHAR);
        } else {
          upsert.setString(5, delivery.lastError());
        }
        upsert.setLong(6, delivery.updatedAt().toEpochMilli());
        upsert.executeUpdate();
      } catch (SQLException e) {
        throw new StoreFailure(
            "cannot record the delivery of alert " + delivery.alertId() + ": " + e.getMessage(), e);
      }
    }
  }

  private List<StoredAlert> read(String sql, List<Object> parameters) {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        Object value = parameters.get(i);
        if (value instanceof String text) {
          select.setString(i + 1, text);
        } else {
          select.setLong(i + 1, ((Number) value).longValue());
        }
      }
      List<StoredAlert> rows = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          Alert alert = ALERT.readValue(rs.getString(1));
          long acknowledged = rs.getLong(2);
          Instant acknowledgedAt = rs.wasNull() ? null : Instant.ofEpochMilli(acknowledged);
          rows.add(new StoredAlert(alert, acknowledgedAt, rs.getString(3), List.of()));
        }
      }
      return rows;
    } catch (SQLException | JsonProcessingException e) {
      throw new StoreFailure("cannot read alerts: " + e.getMessage(), e);
    }
  }

  private List<StoredAlert> withDeliveries(List<StoredAlert> rows) {
    if (rows.isEmpty()) {
      return rows;
    }
    Map<String, List<Delivery>> byAlert = new HashMap<>();
    String marks = String.join(",", java.util.Collections.nCopies(rows.size(), "?"));
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT alert_id, destination, state, attempts, last_error, updated_at"
                + " FROM alert_deliveries WHERE alert_id IN ("
                + marks
                + ") ORDER BY destination")) {
      for (int i = 0; i < rows.size(); i++) {
        select.setString(i + 1, rows.get(i).alert().id());
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          byAlert
              .computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
              .add(
                  new Delivery(
                      rs.getString(1),
                      rs.getString(2),
                      DeliveryState.valueOf(rs.getString(3)),
                      rs.getInt(4),
                      rs.getString(5),
                      Instant.ofEpochMilli(rs.getLong(6))));
        }
      }
    } catch (SQLException e) {
      throw new StoreFailure("cannot read alert deliveries: " + e.getMessage(), e);
    }
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
