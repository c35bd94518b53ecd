package org.cluetrain.app;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points in time as users write them on the command line and in API calls: {@code 2026-03-01},
 * {@code 2026-03-01T12:00}, {@code 2026-03-01T12:00:00Z}, or an age such as {@code 24h}, {@code
 * 7d}, {@code 90m} (that long before now). Dates without a zone are UTC.
 */
public final class TimeArguments {
  private static final Pattern AGE = Pattern.compile("(\\d{1,6})([mhdw])");

  private TimeArguments() {}

  /**
   * @throws IllegalArgumentException saying which forms are understood
   */
  public static Instant parse(String text, Instant now) {
    String value = text.strip();
    Matcher age = AGE.matcher(value);
    if (age.matches()) {
      long amount = Long.parseLong(age.group(1));
      Duration duration =
          switch (age.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
          };
      return now.minus(duration);
    }
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return java.time.OffsetDateTime.parse(value).toInstant();
      }
      return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "is not a time: use 2026-03-01, 2026-03-01T12:00, 2026-03-01T12:00:00Z or an age"
              + " such as 90m, 24h, 7d, 2w");
    }
  }
}
