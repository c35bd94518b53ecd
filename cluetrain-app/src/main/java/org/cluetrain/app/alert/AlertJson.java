package org.cluetrain.app.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cluetrain.alert.Alert;
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
