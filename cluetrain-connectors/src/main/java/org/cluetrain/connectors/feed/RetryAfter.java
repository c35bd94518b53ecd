package org.cluetrain.connectors.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code Retry-After} header (RFC 9110 §10.2.3), which is either a number of seconds or
 * an HTTP-date.
 */
public final class RetryAfter {
  private RetryAfter() {}

  /**
   * When the host allows the next request, or empty when the header is absent or unreadable (an
   * unreadable header falls back to ordinary back-off rather than failing the feed).
   */
  public static Optional<Instant> parse(@Nullable String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(now.plusSeconds(Long.parseLong(value)));
      } catch (NumberFormatException | DateTimeException absurdlyLarge) {
        return Optional.empty();
      }
    }
    try {
      // RFC_1123 also accepts the IMF-fixdate form HTTP mandates
      return Optional.of(
          ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeException notADate) {
      return Optional.empty();
    }
  }
}
