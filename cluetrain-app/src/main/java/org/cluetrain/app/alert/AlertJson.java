package org.cluetrain.app.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cluetrain.alert.Alert;
import org.cluetrain.alert.AlertRule;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.alert.AlertText;
import org.cluetrain.json.Json;

/**
 * Alerts as JSON, the same in webhooks, the CLI's {@code --format json} and the HTTP API: snake
 * case keys, times as ISO-8601, durations as ISO-8601 ({@code PT5H}), plus the rendered text.
 */
public final class AlertJson {
  private static final ObjectMapper MAPPER = Json.snakeCase();

  private AlertJson() {}

  /** The mapper the API uses as well, so that an alert reads the same everywhere. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** An alert as a JSON tree-ready map: its fields and its text. */
  public static Map<String, Object> of(Alert alert) {
    @SuppressWarnings("unchecked")
    Map<String, Object> json = new LinkedHashMap<>(MAPPER.convertValue(alert, Map.class));
    json.put("detector", alert.detector().label());
    json.put("text", AlertText.render(alert));
    return json;
  }

  /** A stored alert: the alert, who acknowledged it when, and its deliveries. */
  public static Map<String, Object> of(AlertStore.StoredAlert stored) {
    Map<String, Object> json = of(stored.alert());
    json.put("acknowledged_at", stored.acknowledgedAt());
    json.put("acknowledged_by", stored.acknowledgedBy());
    json.put("deliveries", stored.deliveries());
    return json;
  }

  /** A rule as the workspace file spells its settings. */
  public static Map<String, Object> of(AlertRule rule) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("project", rule.project());
    json.put("name", rule.name());
    json.put("detector", rule.detector().label());
    json.put("query", rule.query());
    json.put("sentiment", rule.sentiment());
    json.put("sensitivity", rule.sensitivity().label());
    json.put("min-volume", rule.minVolume());
    json.put("min-ratio", rule.minRatio());
    json.put("window", AlertRule.human(rule.window()));
    json.put("baseline", AlertRule.human(rule.baseline()));
    json.put("min-history", AlertRule.human(rule.minHistory()));
    json.put("cooldown", AlertRule.human(rule.cooldown()));
    json.put("recipients", rule.recipients());
    json.put("news-sites", rule.newsSites().stream().sorted().toList());
    return json;
  }

  /** What a backtest replayed and the alerts it would have raised. */
  public static Map<String, Object> of(BacktestReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("project", report.project());
    json.put("since", report.since());
    json.put("until", report.until());
    json.put("replayed_from", report.replayedFrom());
    json.put("posts", report.posts());
    json.put("rules", report.rules().stream().map(AlertJson::of).toList());
    json.put("engine", report.engine());
    json.put("alerts", report.alerts().stream().map(AlertJson::of).toList());
    return json;
  }

  /** The payload of a generic webhook: {@code {"alerts": [...]}}. */
  static String webhookPayload(List<Alert> alerts) {
    return write(Map.of("alerts", alerts.stream().map(AlertJson::of).toList()));
  }

  /** The payload Slack, Mattermost and Rocket.Chat incoming webhooks take. */
  static String chatPayload(List<Alert> alerts) {
    return write(Map.of("text", AlertText.render(alerts)));
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
