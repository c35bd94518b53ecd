package org.cluetrain.app.export;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How an export is written: the format's name, media type and file extension. */
public enum ExportFormat {
  /** Comma-separated, UTF-8 with a byte order mark so that spreadsheets read it as UTF-8. */
  CSV("text/csv; charset=utf-8", "csv"),
  /** One JSON array of objects. */
  JSON("application/json", "json"),
  /** One JSON object a line. */
  NDJSON("application/x-ndjson", "ndjson"),
  /** An Excel workbook of one sheet. */
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

  private final String mediaType;
  private final String extension;

  ExportFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** The name as the API and the command line take it. */
  public String label() {
    return extension;
  }

  /** The format of a name ({@code csv}, {@code json}, …); names them all when it is none. */
  public static ExportFormat parse(String name) {
    for (ExportFormat format : values()) {
      if (format.label().equalsIgnoreCase(name.strip())) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "unknown export format '"
            + name
            + "': use one of "
            + Arrays.stream(values()).map(ExportFormat::label).collect(Collectors.joining(", ")));
  }
}
