package org.cluetrain.formats.tabular;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.cluetrain.formats.common.JsonInput;
import org.cluetrain.ingest.FormatReader;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.UnusableInputException;

/**
 * Newline-delimited JSON (NDJSON, JSON Lines): one object per line, read line by line. Fields are
 * mapped by a {@link ColumnMapping} (dotted paths reach nested fields), given or guessed from the
 * first object's field names. A line that is not a JSON object, or longer than {@link
 * RecordLimit#MAX_RECORD_CHARS}, is an unreadable item naming the line; the other lines still come
 * through.
 */
public final class NdjsonReader implements FormatReader {
  private final ColumnMapping mapping;

  /** Guesses the mapping from the first object's fields. */
  public NdjsonReader() {
    this(null);
  }

  /** Uses the given mapping; {@code null} guesses it. */
  public NdjsonReader(ColumnMapping mapping) {
    this.mapping = mapping;
  }

  @Override
  public String format() {
    return "ndjson";
  }

  @Override
  public boolean recognises(String head, String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) {
      return true;
    }
    List<String> lines = head.lines().filter(line -> !line.isBlank()).limit(2).toList();
    return lines.size() == 2
        && lines.get(0).strip().startsWith("{")
        && lines.get(0).strip().endsWith("}")
        && lines.get(1).strip().startsWith("{");
  }

  @Override
  public void read(InputDocument input, Consumer<ReadItem> sink) throws UnusableInputException {
    RowMapping rows = null;
    int lineNumber = 0;
    boolean sawLine = false;
    try (InputStream in = input.open();
        BufferedReader reader = TextInput.utf8(in)) {
      while (true) {
        String line;
        try {
          line = RecordLimit.readLine(reader, RecordLimit.MAX_RECORD_CHARS);
        } catch (RecordLimit.RecordTooLongException tooLong) {
          lineNumber++;
          sawLine = true;
          sink.accept(
              new ReadItem.UnreadableItem(
                  input.name(), "line " + lineNumber, tooLong.getMessage()));
          continue;
        }
        if (line == null) {
          break;
        }
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        sawLine = true;
        String where = "line " + lineNumber;
        ReadItem item;
        try {
          JsonNode object = JsonInput.READER.readTree(line);
          if (object == null || !object.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
          }
          if (rows == null) {
            rows =
                new RowMapping(
                    CsvReader.checked(input, mapping, fieldNames(object, mapping)),
                    input.fileName());
          }
          item = new ReadItem.ParsedPost(rows.post(path -> value(object, path), "ndjson"));
        } catch (JsonProcessingException e) {
          item =
              new ReadItem.UnreadableItem(
                  input.name(), where, "not well-formed JSON: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
          item = new ReadItem.UnreadableItem(input.name(), where, String.valueOf(e.getMessage()));
        }
        sink.accept(item);
      }
    } catch (IOException e) {
      throw new UnusableInputException(input.name(), "cannot be read: " + e.getMessage(), e);
    }
    if (!sawLine) {
      throw new UnusableInputException(input.name(), "empty input, no JSON lines");
    }
  }

  /** The field names the mapping may use: top-level names, plus the given mapping's paths. */
  private static List<String> fieldNames(JsonNode object, ColumnMapping mapping) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    if (mapping != null) {
      for (String column : mapping.columns()) {
        if (!names.contains(column) && column.contains(".")) {
          names.add(column);
        }
      }
    }
    return names;
  }

  private static String value(JsonNode object, String path) {
    JsonNode node = object.get(path);
    if (node == null) {
      node = object;
      for (String part : path.split("\\.")) {
        node = node.path(part);
      }
    }
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }
}
