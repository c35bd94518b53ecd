package org.cluetrain.app.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import org.cluetrain.json.Json;
import org.jspecify.annotations.Nullable;

/**
 * Rows as JSON objects keyed by column: one array of them, or (NDJSON) one object a line. Instants
 * are ISO-8601 texts in UTC; lists are arrays; a missing value is {@code null}.
 */
final class JsonTable implements TableWriter {
  private final List<String> columns;
  private final JsonGenerator json;
  private final boolean lines;
  private long rows;

  JsonTable(List<String> columns, OutputStream out, boolean lines) throws IOException {
    this.columns = List.copyOf(columns);
    this.lines = lines;
    this.json = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    // every row is written as a value of its own, one a line; this class writes what goes between
    json.setPrettyPrinter(new MinimalPrettyPrinter(""));
    if (!lines) {
      json.writeRaw("[\n");
    }
  }

  @Override
  public void row(List<@Nullable Object> values) throws IOException {
    if (!lines && rows > 0) {
      json.writeRaw(",\n");
    }
    rows++;
    json.writeStartObject();
    for (int i = 0; i < columns.size(); i++) {
      json.writeFieldName(columns.get(i));
      write(values.get(i));
    }
    json.writeEndObject();
    if (lines) {
      json.writeRaw('\n');
    }
  }

  private void write(@Nullable Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Long number) {
      json.writeNumber(number);
    } else if (value instanceof Integer number) {
      json.writeNumber(number);
    } else if (value instanceof Double number) {
      json.writeNumber(number);
    } else if (value instanceof Boolean flag) {
      json.writeBoolean(flag);
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object part : list) {
        json.writeString(String.valueOf(part));
      }
      json.writeEndArray();
    } else if (value instanceof Instant instant) {
      json.writeString(instant.toString());
    } else {
      json.writeString(value.toString());
    }
  }

  @Override
  public void finish() throws IOException {
    if (!lines) {
      json.writeRaw(rows > 0 ? "\n]\n" : "]\n");
    }
    json.flush();
  }
}
