package org.cluetrain.app.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes the rows of an export as they come, in one format, so that an export of any size holds one
 * row in memory. Cells are strings, numbers, instants, lists of strings or {@code null}.
 */
interface TableWriter {

  /** Writes one row: a value for each column, in the columns' order. */
  void row(List<@Nullable Object> values) throws IOException;

  /**
   * Ends the table (closing brackets, the workbook's last parts) and flushes; the stream stays
   * open.
   */
  void finish() throws IOException;

  /** A writer of this format onto {@code out}, which has written nothing yet. */
  static TableWriter open(ExportFormat format, String name, List<String> columns, OutputStream out)
      throws IOException {
    return switch (format) {
      case CSV -> new CsvTable(columns, out);
      case JSON -> new JsonTable(columns, out, false);
      case NDJSON -> new JsonTable(columns, out, true);
      case XLSX -> new XlsxTable(name, columns, out);
    };
  }
}
