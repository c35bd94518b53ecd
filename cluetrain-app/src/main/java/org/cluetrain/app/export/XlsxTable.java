package org.cluetrain.app.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * One worksheet, written as a stream: rows are flushed to the output every {@link #FLUSH_EVERY}
 * rows, so a large export does not build the sheet in memory. Cells are typed (text or number),
 * never formulas, so a text that looks like one stays text. A sheet holds at most {@link #MAX_ROWS}
 * rows, Excel's limit; an export beyond it fails rather than lose rows silently.
 */
final class XlsxTable implements TableWriter {
  static final int MAX_ROWS = 1_048_576;
  private static final int FLUSH_EVERY = 1_000;

  private final Workbook workbook;
  private final Worksheet sheet;
  private int next;

  XlsxTable(String name, List<String> columns, OutputStream out) throws IOException {
    this.workbook = new Workbook(out, "Cluetrain", "1.0");
    this.sheet = workbook.newWorksheet(name);
    row(new ArrayList<>(columns));
    sheet.freezePane(0, 1);
  }

  @Override
  public void row(List<@Nullable Object> values) throws IOException {
    if (next >= MAX_ROWS) {
      throw new IOException(
          "a worksheet holds at most " + MAX_ROWS + " rows; export as CSV or NDJSON instead");
    }
    for (int column = 0; column < values.size(); column++) {
      Object value = values.get(column);
      if (value == null) {
        continue;
      }
      if (value instanceof Number number) {
        sheet.value(next, column, number);
      } else if (value instanceof List<?> list) {
        List<String> parts = new ArrayList<>(list.size());
        list.forEach(part -> parts.add(String.valueOf(part)));
        sheet.value(next, column, String.join("; ", parts));
      } else if (value instanceof Instant instant) {
        sheet.value(next, column, instant.toString());
      } else {
        sheet.value(next, column, value.toString());
      }
    }
    next++;
    if (next % FLUSH_EVERY == 0) {
      sheet.flush();
    }
  }

  @Override
  public void finish() throws IOException {
    workbook.finish();
  }
}
