package org.cluetrain.formats.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cluetrain.formats.common.Dates;

/**
 * Dates as blogs print them under comments, German and English: {@code 10. Februar 2019 um 18:05
 * Uhr}, {@code 29.07.2006 um 16:43}, {@code February 10, 2019 at 6:05 pm}. Read as UTC, as the page
 * does not say its zone.
 */
final class LooseDates {
  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mär", 3),
          Map.entry("mar", 3),
          Map.entry("mrz", 3),
          Map.entry("apr", 4),
          Map.entry("mai", 5),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("okt", 10),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dez", 12),
          Map.entry("dec", 12));
  private static final Pattern DAY_FIRST =
      Pattern.compile("(\\d{1,2})\\.\\s*(\\d{1,2}\\.|[A-Za-zäÄ]{3,})\\s*(\\d{4})");
  private static final Pattern MONTH_FIRST =
      Pattern.compile("([A-Za-z]{3,})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
  private static final Pattern TIME =
      Pattern.compile(
          "(\\d{1,2}):(\\d{2})(?::\\d{2})?\\s*([ap]\\.?m\\.?)?", Pattern.CASE_INSENSITIVE);

  private LooseDates() {}

  /** The instant in the text, or {@code null}. */
  static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Instant iso = Dates.parse(text);
    if (iso != null) {
      return iso;
    }
    Integer day = null;
    Integer month = null;
    Integer year = null;
    int end = 0;
    Matcher dayFirst = DAY_FIRST.matcher(text);
    Matcher monthFirst = MONTH_FIRST.matcher(text);
    if (dayFirst.find()) {
      day = Integer.parseInt(dayFirst.group(1));
      month = month(dayFirst.group(2));
      year = Integer.parseInt(dayFirst.group(3));
      end = dayFirst.end();
    } else if (monthFirst.find()) {
      month = month(monthFirst.group(1));
      day = Integer.parseInt(monthFirst.group(2));
      year = Integer.parseInt(monthFirst.group(3));
      end = monthFirst.end();
    }
    if (day == null || month == null) {
      return null;
    }
    int hour = 0;
    int minute = 0;
    Matcher time = TIME.matcher(text);
    if (time.find(end)) {
      hour = Integer.parseInt(time.group(1));
      minute = Integer.parseInt(time.group(2));
      String meridiem = time.group(3);
      if (meridiem != null) {
        boolean pm = meridiem.toLowerCase(Locale.ROOT).startsWith("p");
        hour = hour % 12 + (pm ? 12 : 0);
      }
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute).toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException impossibleDate) {
      return null;
    }
  }

  private static Integer month(String value) {
    String clean = value.replace(".", "").toLowerCase(Locale.ROOT);
    if (clean.matches("\\d{1,2}")) {
      return Integer.parseInt(clean);
    }
    return clean.length() < 3 ? null : MONTHS.get(clean.substring(0, 3));
  }
}
