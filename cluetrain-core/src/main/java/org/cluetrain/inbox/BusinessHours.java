package org.cluetrain.inbox;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the team works: a daily window on some days of the week, in a time zone. Response times are
 * counted only inside these windows, the way support desks count them.
 *
 * <p>A window starts at {@code from} (local time) on each listed day and lasts {@code length} of
 * local wall-clock time, so {@code 22:00-06:00} runs overnight into the next day and {@code
 * 00:00-24:00} is the whole day. Both ends are local times, so on the night clocks change a window
 * is an hour shorter or longer in real time, exactly as the people working it experience it.
 *
 * @param days the days on which a window starts
 * @param from when the window starts, local time
 * @param length how long it lasts in local wall-clock time, more than 0 and at most 24 hours
 * @param zone the time zone of {@code from}
 */
public record BusinessHours(Set<DayOfWeek> days, LocalTime from, Duration length, ZoneId zone) {
  /** Every hour of every day: the clock runs around the clock. */
  public static final BusinessHours ALWAYS =
      new BusinessHours(
          EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, Duration.ofHours(24), ZoneOffset.UTC);

  private static final Pattern SPEC =
      Pattern.compile(
          "(?<days>[a-z,\\-]+)\\s+(?<from>\\d{1,2}:\\d{2})\\s*-\\s*(?<to>\\d{1,2}:\\d{2})"
              + "(?:\\s+(?<zone>\\S+))?");
  private static final Pattern ALWAYS_SPEC = Pattern.compile("24/7(?:\\s+(?<zone>\\S+))?");
  private static final Map<String, DayOfWeek> DAY_NAMES =
      Map.ofEntries(
          Map.entry("mon", DayOfWeek.MONDAY),
          Map.entry("tue", DayOfWeek.TUESDAY),
          Map.entry("wed", DayOfWeek.WEDNESDAY),
          Map.entry("thu", DayOfWeek.THURSDAY),
          Map.entry("fri", DayOfWeek.FRIDAY),
          Map.entry("sat", DayOfWeek.SATURDAY),
          Map.entry("sun", DayOfWeek.SUNDAY),
          Map.entry("mo", DayOfWeek.MONDAY),
          Map.entry("di", DayOfWeek.TUESDAY),
          Map.entry("mi", DayOfWeek.WEDNESDAY),
          Map.entry("do", DayOfWeek.THURSDAY),
          Map.entry("fr", DayOfWeek.FRIDAY),
          Map.entry("sa", DayOfWeek.SATURDAY),
          Map.entry("so", DayOfWeek.SUNDAY));

  public BusinessHours {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(length, "length");
    Objects.requireNonNull(zone, "zone");
    if (days == null || days.isEmpty()) {
      throw new IllegalArgumentException("business hours need at least one day");
    }
    days = Set.copyOf(EnumSet.copyOf(days));
    if (length.isNegative() || length.isZero() || length.compareTo(Duration.ofHours(24)) > 0) {
      throw new IllegalArgumentException(
          "a business-hours window lasts more than 0 and at most 24 hours, was " + length);
    }
  }

  /**
   * Reads {@code mon-fri 09:00-17:00 Europe/Berlin}: days (English {@code mon}…{@code sun} or
   * German {@code mo}…{@code so}, ranges and commas, e.g. {@code mon-fri}, {@code sat,sun}, {@code
   * fri-mon}), the window {@code HH:MM-HH:MM} ({@code 24:00} ends at midnight; an end before the
   * start runs overnight) and a time zone (default {@code defaultZone}). {@code 24/7} counts every
   * hour.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static BusinessHours parse(String spec, ZoneId defaultZone) {
    String text = spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT);
    Matcher always = ALWAYS_SPEC.matcher(text);
    if (always.matches()) {
      return new BusinessHours(
          EnumSet.allOf(DayOfWeek.class),
          LocalTime.MIDNIGHT,
          Duration.ofHours(24),
          zone(spec, always.group("zone"), defaultZone));
    }
    Matcher m = SPEC.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "business hours '"
              + spec
              + "' should look like 'mon-fri 09:00-17:00 Europe/Berlin' (days, from-to, time"
              + " zone) or '24/7'");
    }
    Set<DayOfWeek> days = days(m.group("days"));
    LocalTime from = time(m.group("from"), false);
    LocalTime to = time(m.group("to"), true);
    boolean untilMidnight = m.group("to").startsWith("24");
    Duration length;
    if (to.equals(from) && !untilMidnight) {
      throw new IllegalArgumentException(
          "business hours '"
              + spec
              + "': the window "
              + m.group("from")
              + "-"
              + m.group("to")
              + " is empty");
    } else if (untilMidnight) {
      length = Duration.between(from, LocalTime.MIDNIGHT).plusHours(24);
    } else if (to.isAfter(from)) {
      length = Duration.between(from, to);
    } else {
      length = Duration.between(from, to).plusHours(24); // overnight
    }
    return new BusinessHours(days, from, length, zone(spec, m.group("zone"), defaultZone));
  }

  private static Set<DayOfWeek> days(String text) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String part : text.split(",")) {
      String[] range = part.split("-", -1);
      if (range.length > 2 || part.isBlank()) {
        throw new IllegalArgumentException("'" + part + "' is not a day or a range of days");
      }
      DayOfWeek first = day(range[0]);
      DayOfWeek last = range.length == 2 ? day(range[1]) : first;
      for (DayOfWeek d = first; ; d = d.plus(1)) {
        days.add(d);
        if (d == last) {
          break;
        }
      }
    }
    return days;
  }

  private static DayOfWeek day(String name) {
    DayOfWeek day = DAY_NAMES.get(name);
    if (day == null) {
      throw new IllegalArgumentException(
          "'" + name + "' is not a day; write mon, tue, wed, thu, fri, sat, sun (or mo … so)");
    }
    return day;
  }

  private static LocalTime time(String text, boolean end) {
    String[] parts = text.split(":");
    int hour = Integer.parseInt(parts[0]);
    int minute = Integer.parseInt(parts[1]);
    if (end && hour == 24 && minute == 0) {
      return LocalTime.MIDNIGHT;
    }
    if (hour > 23 || minute > 59) {
      throw new IllegalArgumentException("'" + text + "' is not a time of day (00:00 to 24:00)");
    }
    return LocalTime.of(hour, minute);
  }

  private static ZoneId zone(String spec, String name, ZoneId defaultZone) {
    if (name == null) {
      return defaultZone;
    }
    for (String id : ZoneId.getAvailableZoneIds()) {
      if (id.equalsIgnoreCase(name)) {
        return ZoneId.of(id);
      }
    }
    if (name.equalsIgnoreCase("utc")) {
      return ZoneOffset.UTC;
    }
    throw new IllegalArgumentException(
        "business hours '" + spec + "': unknown time zone '" + name + "', e.g. Europe/Berlin");
  }

  /** The business time between two instants (zero when {@code to} is not after {@code from}). */
  public Duration between(Instant start, Instant end) {
    if (!end.isAfter(start)) {
      return Duration.ZERO;
    }
    Duration total = Duration.ZERO;
    LocalDate last = end.atZone(zone).toLocalDate();
    for (LocalDate date = start.atZone(zone).toLocalDate().minusDays(1);
        !date.isAfter(last);
        date = date.plusDays(1)) {
      if (!days.contains(date.getDayOfWeek())) {
        continue;
      }
      Instant windowStart = windowStart(date);
      Instant windowEnd = windowEnd(date);
      Instant from = windowStart.isAfter(start) ? windowStart : start;
      Instant to = windowEnd.isBefore(end) ? windowEnd : end;
      if (to.isAfter(from)) {
        total = total.plus(Duration.between(from, to));
      }
    }
    return total;
  }

  /**
   * The instant at which {@code amount} of business time has passed since {@code start}: the due
   * time of a response that must come within {@code amount}.
   */
  public Instant plus(Instant start, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("cannot add a negative amount of business time");
    }
    Duration remaining = amount;
    for (LocalDate date = start.atZone(zone).toLocalDate().minusDays(1);
        ;
        date = date.plusDays(1)) {
      if (!days.contains(date.getDayOfWeek())) {
        continue;
      }
      Instant windowEnd = windowEnd(date);
      if (!windowEnd.isAfter(start)) {
        continue;
      }
      Instant windowStart = windowStart(date);
      Instant from = windowStart.isAfter(start) ? windowStart : start;
      if (remaining.isZero()) {
        return from;
      }
      Duration available = Duration.between(from, windowEnd);
      if (available.compareTo(remaining) >= 0) {
        return from.plus(remaining);
      }
      remaining = remaining.minus(available);
    }
  }

  /** Whether the instant falls inside business hours. */
  public boolean contains(Instant instant) {
    return !between(instant, instant.plusSeconds(1)).isZero();
  }

  private Instant windowStart(LocalDate date) {
    return ZonedDateTime.of(date, from, zone).toInstant();
  }

  private Instant windowEnd(LocalDate date) {
    return ZonedDateTime.of(LocalDateTime.of(date, from).plus(length), zone).toInstant();
  }

  /** The hours as written in a workspace file, e.g. {@code mon-fri 09:00-17:00 Europe/Berlin}. */
  @Override
  public String toString() {
    if (days.size() == 7 && from.equals(LocalTime.MIDNIGHT) && length.toHours() == 24) {
      return "24/7 " + zone.getId();
    }
    LocalTime to = from.plus(length);
    String end = to.equals(LocalTime.MIDNIGHT) ? "24:00" : to.toString();
    return dayList() + " " + from + "-" + end + " " + zone.getId();
  }

  private String dayList() {
    StringBuilder text = new StringBuilder();
    DayOfWeek[] all = DayOfWeek.values();
    int i = 0;
    while (i < all.length) {
      if (!days.contains(all[i])) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < all.length && days.contains(all[j + 1])) {
        j++;
      }
      if (text.length() > 0) {
        text.append(',');
      }
      text.append(shortName(all[i]));
      if (j > i) {
        text.append('-').append(shortName(all[j]));
      }
      i = j + 1;
    }
    return text.toString();
  }

  private static String shortName(DayOfWeek day) {
    return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
  }
}
