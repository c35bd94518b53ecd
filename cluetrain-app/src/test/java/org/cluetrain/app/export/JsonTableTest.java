package org.cluetrain.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.cluetrain.json.Json;
import org.junit.jupiter.api.Test;

class JsonTableTest {
  private static final List<String> COLUMNS = List.of("id", "published", "likes", "queries");

  private static String write(boolean lines, List<List<Object>> rows) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TableWriter table = new JsonTable(COLUMNS, out, lines);
    for (List<Object> row : rows) {
      table.row(row);
    }
    table.finish();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static final List<List<Object>> TWO =
      List.of(
          Arrays.asList("1", Instant.parse("2026-03-01T12:00:00Z"), 3L, List.of("bahn/marke")),
          Arrays.asList("2 \"zitiert\"", Instant.parse("2026-03-01T13:00:00Z"), null, List.of()));

  @Test
  void jsonIsOneArrayWithAnObjectALine() throws Exception {
    String json = write(false, TWO);
    assertThat(json)
        .isEqualTo(
            "[\n"
                + "{\"id\":\"1\",\"published\":\"2026-03-01T12:00:00Z\",\"likes\":3,"
                + "\"queries\":[\"bahn/marke\"]},\n"
                + "{\"id\":\"2 \\\"zitiert\\\"\",\"published\":\"2026-03-01T13:00:00Z\","
                + "\"likes\":null,\"queries\":[]}\n"
                + "]\n");
    assertThat(Json.mapper().readTree(json)).hasSize(2);
  }

  @Test
  void anEmptyExportIsAnEmptyArray() throws Exception {
    assertThat(Json.mapper().readTree(write(false, List.of())).isEmpty()).isTrue();
    assertThat(write(true, List.of())).isEmpty();
  }

  @Test
  void ndjsonIsOneObjectALine() throws Exception {
    List<String> lines = write(true, TWO).lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(Json.mapper().readTree(lines.get(1)).path("id").asText()).isEqualTo("2 \"zitiert\"");
  }
}
