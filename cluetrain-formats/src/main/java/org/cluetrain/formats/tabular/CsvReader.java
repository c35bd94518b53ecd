package org.cluetrain.formats.tabular;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cluetrain.ingest.FormatReader;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.UnusableInputException;
import org.cluetrain.model.Post;

/**
 * CSV (and semicolon- or tab-separated) tables with a header row, streamed record by record with
 * Commons CSV. Columns are mapped by a {@link ColumnMapping}, given or guessed from the header.
 *
 * <p>A row that cannot be used (wrong number of fields, no text, an unreadable date) is reported as
 * an unreadable item naming its line; the other rows still come through. A quoting error stops the
 * parse at that line, as the rest cannot be split into rows reliably; so does a row longer than
 * {@link RecordLimit#MAX_RECORD_CHARS} (a single field of hundreds of megabytes would otherwise be
 * held whole in memory). A header longer than {@link RecordLimit#MAX_HEADER_CHARS} makes the input
 * unusable.
 */
public final class CsvReader implements FormatReader {
  private final ColumnMapping mapping;

  /** Guesses the mapping from each file's header. */
  public CsvReader() {
    this(null);
  }

  /** Uses the given mapping; {@code null} guesses it from the header. */
  public CsvReader(ColumnMapping mapping) {
    this.mapping = mapping;
  }

  @Override
  public String format() {
    return "csv";
  }

  @Override
  public boolean recognises(String head, String fileName) {
    String lower = fileName.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".csv") || lower.endsWith(".tsv")) {
      return true;
    }
    String firstLine = head.lines().findFirst().orElse("");
    char delimiter = delimiter(firstLine);
    if (firstLine.startsWith("<") || firstLine.startsWith("{") || firstLine.startsWith("[")) {
      return false;
    }
    List<String> headers =
        List.of(firstLine.split(java.util.regex.Pattern.quote(String.valueOf(delimiter))));
    return headers.size() >= 2
        && ColumnMapping.guess(headers.stream().map(h -> h.replace("\"", "").strip()).toList())
            != null;
  }

  static char delimiter(String headerLine) {
    long commas = headerLine.chars().filter(c -> c == ',').count();
    long semicolons = headerLine.chars().filter(c -> c == ';').count();
    long tabs = headerLine.chars().filter(c -> c == '\t').count();
    if (tabs > commas && tabs >= semicolons) {
      return '\t';
    }
    return semicolons > commas ? ';' : ',';
  }

  @Override
  public void read(InputDocument input, Consumer<ReadItem> sink) throws UnusableInputException {
    try (InputStream in = input.open();
        BufferedReader reader = TextInput.utf8(in)) {
      // the header is read twice: once here for its delimiter, then by the parser
      reader.mark(RecordLimit.MAX_HEADER_CHARS + 2);
      String headerLine;
      try {
        headerLine = RecordLimit.readLine(reader, RecordLimit.MAX_HEADER_CHARS);
      } catch (RecordLimit.RecordTooLongException tooLong) {
        throw new UnusableInputException(
            input.name(),
            "the CSV header (line 1) is longer than "
                + RecordLimit.characters(RecordLimit.MAX_HEADER_CHARS)
                + ", the limit for a header",
            tooLong);
      }
      if (headerLine == null || headerLine.isBlank()) {
        throw new UnusableInputException(input.name(), "empty input, no CSV header");
      }
      reader.reset();
      RecordLimit limited = new RecordLimit(reader, RecordLimit.MAX_RECORD_CHARS);
      CSVFormat format =
          CSVFormat.RFC4180
              .builder()
              .setDelimiter(delimiter(headerLine))
              .setHeader()
              .setSkipHeaderRecord(true)
              .setAllowMissingColumnNames(true)
              .setIgnoreEmptyLines(true)
              .setAllowDuplicateHeaderNames(true)
              // real exports put stray quotes inside quoted fields; keep them as text
              .setTrailingData(true)
              .setLenientEof(true)
              .build();
      CSVParser parser;
      try {
        parser = format.parse(limited);
      } catch (IllegalArgumentException | UncheckedIOException e) {
        throw new UnusableInputException(
            input.name(), "unreadable CSV header: " + e.getMessage(), e);
      }
      List<String> headers = parser.getHeaderNames();
      RowMapping rows = new RowMapping(mappingFor(input, headers), input.fileName());
      Iterator<CSVRecord> records = parser.iterator();
      long lastRecord = 0;
      while (true) {
        CSVRecord record;
        limited.startRecord();
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          if (e.getCause() instanceof RecordLimit.RecordTooLongException tooLong) {
            sink.accept(
                new ReadItem.UnreadableItem(
                    input.name(),
                    "line " + (lastRecord + 2),
                    "the row is " + tooLong.getMessage() + "; the rest is unreadable"));
            return;
          }
          sink.accept(
              new ReadItem.UnreadableItem(
                  input.name(),
                  "line " + parser.getCurrentLineNumber(),
                  "the rest is unreadable: " + rootMessage(e)));
          return;
        }
        lastRecord = record.getRecordNumber();
        String line = "line " + (record.getRecordNumber() + 1);
        ReadItem item;
        try {
          if (record.size() != headers.size() && !(record.size() == 1 && record.get(0).isBlank())) {
            throw new IllegalArgumentException(
                "has " + record.size() + " fields, the header has " + headers.size());
          }
          Map<String, String> values = record.toMap();
          Post post = rows.post(values::get, "csv");
          item = new ReadItem.ParsedPost(post);
        } catch (RuntimeException e) {
          item = new ReadItem.UnreadableItem(input.name(), line, String.valueOf(e.getMessage()));
        }
        sink.accept(item);
      }
    } catch (IOException e) {
      throw new UnusableInputException(input.name(), "cannot be read: " + e.getMessage(), e);
    }
  }

  private ColumnMapping mappingFor(InputDocument input, List<String> headers)
      throws UnusableInputException {
    return checked(input, mapping, headers);
  }

  /** The given or guessed mapping, checked against the header. */
  static ColumnMapping checked(InputDocument input, ColumnMapping mapping, List<String> headers)
      throws UnusableInputException {
    ColumnMapping chosen = mapping != null ? mapping : ColumnMapping.guess(headers);
    if (chosen == null) {
      throw new UnusableInputException(
          input.name(),
          "no column looks like a text or title ("
              + String.join(", ", headers)
              + "); give a column mapping such as text=<column>");
    }
    List<String> missing = new ArrayList<>();
    for (String column : chosen.columns()) {
      if (!headers.contains(column)) {
        missing.add(column);
      }
    }
    if (!missing.isEmpty()) {
      throw new UnusableInputException(
          input.name(),
          "the column mapping names columns that are not in the header: "
              + String.join(", ", missing)
              + " (the header has "
              + String.join(", ", headers)
              + ")");
    }
    return chosen;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
