package org.cluetrain.app.workspace;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long something is kept: a number of days, weeks, months or years, or forever.
 *
 * <p>Written as an ISO-8601 period ({@code P15M}, {@code P3Y}, {@code P2Y6M}, {@code P30D}) or in
 * words ({@code 15 months}, {@code 3 years}, {@code 1 year}, {@code 90 days}, {@code 6 weeks}), or
 * {@code forever}. Anything shorter than a day, and abbreviations that could mean minutes or months
 * ({@code 15m}), are refused.
 *
 * @param period how long, or {@code null} for forever
 */
public record RetentionPeriod(Period period) {
  /** Kept until someone deletes it. */
  public static final RetentionPeriod FOREVER = new RetentionPeriod(null);

  private static final Pattern WORDS =
      Pattern.compile("(\\d{1,4})\\s*(day|days|week|weeks|month|months|year|years)");

  public RetentionPeriod {
    if (period != null && (period.isNegative() || period.isZero())) {
      throw new IllegalArgumentException("a retention period must be at least a day: " + period);
    }
  }

  /**
   * The period a workspace file or request gives.
   *
   * @throws IllegalArgumentException saying what is wrong and what would do
   */
  public static RetentionPeriod parse(String text) {
    String given = Objects.requireNonNull(text, "text").strip().toLowerCase(Locale.ROOT);
    if (given.equals("forever")) {
      return FOREVER;
    }
    Period period;
    Matcher words = WORDS.matcher(given);
    if (words.matches()) {
      int n = Integer.parseInt(words.group(1));
      period =
          switch (words.group(2).charAt(0)) {
            case 'd' -> Period.ofDays(n);
            case 'w' -> Period.ofWeeks(n);
            case 'm' -> Period.ofMonths(n);
            default -> Period.ofYears(n);
          };
    } else if (given.startsWith("p") && given.contains("t")) {
      throw new IllegalArgumentException(
          "'" + text + "' counts hours, minutes or seconds: retention is at least a day");
    } else if (given.startsWith("p")) {
      try {
        period = Period.parse(given.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "'" + text + "' is not an ISO-8601 period such as P15M, P3Y or P90D", e);
      }
    } else {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a retention period: write P15M, P3Y or '15 months', '3 years', '90 days'"
              + " (or 'forever')");
    }
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("'" + text + "' is not at least a day");
    }
    return new RetentionPeriod(period);
  }

  /** Whether this keeps things forever. */
  public boolean forever() {
    return period == null;
  }

  /** The period, unless forever. */
  public Optional<Period> asPeriod() {
    return Optional.ofNullable(period);
  }

  /**
   * What is older than this at {@code now} expires: now minus the period in UTC calendar terms, or
   * empty when kept forever.
   */
  public Optional<Instant> cutoff(Instant now) {
    return asPeriod().map(p -> now.atOffset(ZoneOffset.UTC).minus(p).toInstant());
  }

  /** The ISO-8601 form ({@code P15M}), or {@code forever}. */
  @Override
  public String toString() {
    return period == null ? "forever" : period.toString();
  }
}
