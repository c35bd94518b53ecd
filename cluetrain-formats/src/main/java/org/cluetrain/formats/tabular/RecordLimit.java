package org.cluetrain.formats.tabular;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The size limits of tabular inputs, and a reader that enforces the record limit while a CSV parser
 * reads through it. A row of a table or a line of NDJSON is one post: one far larger than any post
 * is a broken or hostile file, and holding it whole would take the memory of the whole process.
 */
final class RecordLimit extends FilterReader {
  /** The most characters of one record (a CSV row with its fields, an NDJSON line). */
  static final int MAX_RECORD_CHARS = 8 * 1024 * 1024;

  /** The most characters of a CSV header line. */
  static final int MAX_HEADER_CHARS = 64 * 1024;

  private final long limit;
  private long read;
  private long recordStart;

  RecordLimit(Reader in, long limit) {
    super(in);
    this.limit = limit;
  }

  /**
   * A new record starts: counting starts again. The parser reads ahead by its buffer, so a record
   * may exceed the limit by that buffer before it is refused; memory stays bounded all the same.
   */
  void startRecord() {
    recordStart = read;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      counted(1);
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  private void counted(int n) throws IOException {
    read += n;
    if (read - recordStart > limit) {
      throw new RecordTooLongException(limit);
    }
  }

  /** A record longer than the limit. */
  static final class RecordTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    RecordTooLongException(long limit) {
      super("longer than " + characters(limit) + ", the limit for one record");
    }
  }

  /** A count of characters for messages: {@code 8,388,608 characters}. */
  static String characters(long count) {
    return String.format(java.util.Locale.ROOT, "%,d characters", count);
  }

  /**
   * Reads one line of at most {@code limit} characters, without its line end.
   *
   * @return the line, or {@code null} at the end of the input
   * @throws RecordTooLongException when the line is longer; the rest of the line is skipped, so
   *     that reading can go on with the next line
   */
  static String readLine(Reader reader, int limit) throws IOException {
    StringBuilder line = new StringBuilder();
    boolean tooLong = false;
    int c;
    while ((c = reader.read()) >= 0) {
      if (c == '\n') {
        break;
      }
      // one character more than the limit, for the '\r' of a CRLF line end
      if (line.length() <= limit) {
        line.append((char) c);
      } else {
        tooLong = true;
      }
    }
    if (c < 0 && line.length() == 0) {
      return null;
    }
    int end = line.length();
    if (!tooLong && end > 0 && line.charAt(end - 1) == '\r') {
      line.setLength(end - 1);
    }
    if (tooLong || line.length() > limit) {
      throw new RecordTooLongException(limit);
    }
    return line.toString();
  }
}
