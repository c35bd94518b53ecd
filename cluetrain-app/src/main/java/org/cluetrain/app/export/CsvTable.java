package org.cluetrain.app.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CSV as RFC 4180 writes it (comma, double quotes, CRLF), in UTF-8 with a byte order mark: without
 * it, Excel reads the file as the machine's legacy code page and garbles umlauts and emoji.
 *
 * <p>Texts come from strangers on the internet. A spreadsheet runs a cell that starts with {@code
 * =}, {@code +}, {@code -} or {@code @} (or a tab or carriage return before one) as a formula,
 * which can fetch URLs or run commands; such a text gets a leading apostrophe, which spreadsheets
 * show as text and hide. Numbers are written as numbers, so a negative count stays a number.
 */
final class CsvTable implements TableWriter {
  private static final char BOM = '\uFEFF';

  private final Writer out;

  CsvTable(List<String> columns, OutputStream stream) throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    out.write(BOM);
    row(new ArrayList<>(columns));
  }

  @Override
  public void row(List<@Nullable Object> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(values.get(i)));
    }
    out.write("\r\n");
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }

  /** One cell as the file holds it: a number as it is, anything else as neutral, quoted text. */
  static String cell(@Nullable Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number) {
      return value.toString();
    }
    if (value instanceof List<?> list) {
      List<String> parts = new ArrayList<>(list.size());
      list.forEach(part -> parts.add(String.valueOf(part)));
      return quoted(neutral(String.join("; ", parts)));
    }
    return quoted(neutral(value.toString()));
  }

  /** The text with a leading apostrophe when a spreadsheet would take it for a formula. */
  static String neutral(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  private static String quoted(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return '"' + text.replace("\"", "\"\"") + '"';
      }
    }
    return text;
  }
}
