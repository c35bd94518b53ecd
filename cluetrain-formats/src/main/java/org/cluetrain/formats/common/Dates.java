package org.cluetrain.formats.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * Lenient parsing of the date formats found in exports and API responses. Times without a zone are
 * taken as UTC, so the same input always yields the same instant.
 */
public final class Dates {
  private static final DateTimeFormatter LOCAL =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("yyyy-MM-dd")
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .appendPattern("HH:mm")
          .optionalStart()
          .appendPattern(":ss")
          .optionalEnd()
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  private static final List<DateTimeFormatter> ZONED =
      List.of(
          DateTimeFormatter.ISO_OFFSET_DATE_TIME,
          DateTimeFormatter.ISO_ZONED_DATE_TIME,
          DateTimeFormatter.RFC_1123_DATE_TIME,
          // the X/Twitter v1.1 and archive format: "Wed Mar 04 19:31:55 +0000 2026"
          DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ROOT),
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT),
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX", Locale.ROOT),
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT));

  private Dates() {}

  /**
   * Parses the common date formats; a number is read as epoch seconds (or milliseconds when large).
   *
   * @return the instant, or {@code null} when the value is empty or not a date
   */
  public static Instant parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    if (text.matches("\\d{9,13}(\\.\\d+)?")) {
      double number = Double.parseDouble(text);
      return number > 1e11
          ? Instant.ofEpochMilli((long) number)
          : Instant.ofEpochMilli((long) (number * 1000));
    }
    if (text.endsWith("Z") || text.endsWith("z")) {
      try {
        return Instant.parse(text.substring(0, text.length() - 1).replace(' ', 'T') + "Z");
      } catch (DateTimeParseException notIso) {
        // fall through to the other formats
      }
    }
    for (DateTimeFormatter format : ZONED) {
      try {
        return ZonedDateTime.parse(text, format).toInstant();
      } catch (DateTimeParseException notThisOne) {
        // try the next
      }
    }
    try {
      return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
    } catch (DateTimeParseException notThisOne) {
      // try the next
    }
    try {
      return LocalDateTime.parse(text, LOCAL).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notThisOne) {
      // try the next
    }
    try {
      return LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text)
          .atStartOfDay()
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }

  /** Parses with an explicit pattern; times without a zone are UTC. */
  public static Instant parse(String value, DateTimeFormatter format) {
    if (value == null || value.isBlank()) {
      return null;
    }
    var parsed =
        format.parseBest(value.strip(), ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
    if (parsed instanceof ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    if (parsed instanceof LocalDateTime local) {
      return local.toInstant(ZoneOffset.UTC);
    }
    return ((LocalDate) parsed).atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
