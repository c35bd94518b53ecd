package org.cluetrain.report;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a report is sent: a five-field cron expression ({@code minute hour day-of-month month
 * day-of-week}, with {@code *}, lists, ranges and steps; Sunday is 0 or 7) or one of the phrases
 * {@code daily 08:00}, {@code weekly on monday 08:00} and {@code monthly on 1 08:00}, which stand
 * for the cron expressions they are read as.
 *
 * <p>As in cron, when both day fields are restricted a day matches if either matches.
 *
 * @param text what the workspace file says
 * @param cron the five-field expression it is read as
 */
public record ReportSchedule(String text, String cron) {
  private static final Pattern DAILY = Pattern.compile("daily (?:at )?(\\d{1,2}):(\\d{2})");
  private static final Pattern WEEKLY =
      Pattern.compile("weekly on ([a-z]+) (?:at )?(\\d{1,2}):(\\d{2})");
  private static final Pattern MONTHLY =
      Pattern.compile("monthly on (?:day )?(\\d{1,2}) (?:at )?(\\d{1,2}):(\\d{2})");

  private static final int[][] RANGES = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};
  private static final List<String> FIELDS =
      List.of("minute", "hour", "day of month", "month", "day of week");

  public ReportSchedule {
    fields(cron); // refuses what cannot be read, with a message naming the field
  }

  /** The schedule {@code text} says; its message says what was expected. */
  public static ReportSchedule parse(String text) {
    String said = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    Matcher m;
    if ((m = DAILY.matcher(said)).matches()) {
      return new ReportSchedule(text, minute(m.group(2)) + " " + hour(m.group(1)) + " * * *");
    }
    if ((m = WEEKLY.matcher(said)).matches()) {
      DayOfWeek day;
      try {
        day = DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "'" + m.group(1) + "' is not a day of the week such as monday", e);
      }
      return new ReportSchedule(
          text, minute(m.group(3)) + " " + hour(m.group(2)) + " * * " + day.getValue() % 7);
    }
    if ((m = MONTHLY.matcher(said)).matches()) {
      int day = Integer.parseInt(m.group(1));
      if (day < 1 || day > 28) {
        throw new IllegalArgumentException(
            "a monthly report's day must be 1 to 28 (every month has it), was " + day);
      }
      return new ReportSchedule(
          text, minute(m.group(3)) + " " + hour(m.group(2)) + " " + day + " * *");
    }
    if (said.split(" ").length == 5 && said.matches("[0-9*,/ -]+")) {
      return new ReportSchedule(text, said);
    }
    throw new IllegalArgumentException(
        "schedule '"
            + text
            + "' is not understood: expected 'daily 08:00', 'weekly on monday 08:00', 'monthly on"
            + " 1 08:00' or five cron fields such as '0 8 * * 1'");
  }

  /** The first time after {@code after} (to the minute) that the schedule names. */
  public ZonedDateTime next(ZonedDateTime after) {
    BitSet[] f = fields(cron);
    boolean domRestricted = !cron.split(" ")[2].equals("*");
    boolean dowRestricted = !cron.split(" ")[4].equals("*");
    ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    // at most four years ahead: far enough for a 29 February, and never an endless loop
    ZonedDateTime limit = t.plusYears(4);
    while (t.isBefore(limit)) {
      if (!f[3].get(t.getMonthValue())) {
        t = t.plusMonths(1).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
        continue;
      }
      boolean dom = f[2].get(t.getDayOfMonth());
      boolean dow = f[4].get(t.getDayOfWeek().getValue() % 7);
      boolean day =
          domRestricted && dowRestricted
              ? dom || dow
              : (!domRestricted || dom) && (!dowRestricted || dow);
      if (!day) {
        t = t.plusDays(1).truncatedTo(ChronoUnit.DAYS);
        continue;
      }
      if (!f[1].get(t.getHour())) {
        t = t.plusHours(1).truncatedTo(ChronoUnit.HOURS);
        continue;
      }
      if (!f[0].get(t.getMinute())) {
        t = t.plusMinutes(1);
        continue;
      }
      return t;
    }
    throw new IllegalStateException("schedule '" + text + "' names no time in four years");
  }

  private static String hour(String text) {
    int hour = Integer.parseInt(text);
    if (hour > 23) {
      throw new IllegalArgumentException("hour " + hour + " is not 0 to 23");
    }
    return Integer.toString(hour);
  }

  private static String minute(String text) {
    int minute = Integer.parseInt(text);
    if (minute > 59) {
      throw new IllegalArgumentException("minute " + minute + " is not 0 to 59");
    }
    return Integer.toString(minute);
  }

  private static BitSet[] fields(String cron) {
    String[] parts = cron.trim().split("\\s+");
    if (parts.length != 5) {
      throw new IllegalArgumentException(
          "a cron expression has five fields (minute hour day month weekday), '"
              + cron
              + "' has "
              + parts.length);
    }
    BitSet[] sets = new BitSet[5];
    for (int i = 0; i < 5; i++) {
      sets[i] = field(parts[i], i);
    }
    if (sets[4].get(7)) {
      sets[4].set(0);
    }
    return sets;
  }

  private static BitSet field(String text, int index) {
    int min = RANGES[index][0];
    int max = RANGES[index][1];
    BitSet set = new BitSet();
    for (String part : text.split(",")) {
      try {
        int step = 1;
        String range = part;
        int slash = part.indexOf('/');
        if (slash >= 0) {
          step = Integer.parseInt(part.substring(slash + 1));
          range = part.substring(0, slash);
        }
        int from;
        int to;
        if (range.equals("*")) {
          from = min;
          to = max;
        } else if (range.contains("-")) {
          from = Integer.parseInt(range.substring(0, range.indexOf('-')));
          to = Integer.parseInt(range.substring(range.indexOf('-') + 1));
        } else {
          from = Integer.parseInt(range);
          to = slash >= 0 ? max : from;
        }
        if (step < 1 || from < min || to > max || from > to) {
          throw new NumberFormatException();
        }
        for (int v = from; v <= to; v += step) {
          set.set(v);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "the "
                + FIELDS.get(index)
                + " field '"
                + part
                + "' is not a number, range or step within "
                + min
                + "–"
                + max,
            e);
      }
    }
    return set;
  }
}
