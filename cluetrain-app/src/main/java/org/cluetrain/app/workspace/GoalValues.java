package org.cluetrain.app.workspace;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cluetrain.report.goal.Cadence;
import org.cluetrain.report.goal.Goal;
import org.cluetrain.report.goal.Kpi;
import org.jspecify.annotations.Nullable;

/**
 * How a goal's fields are written, the same in the workspace file, the web form and the API:
 * periods as days, a quarter, a month, a year or years; a target in percent for shares and the net
 * sentiment, as a number for counts.
 */
public final class GoalValues {
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern YEARS = Pattern.compile("(\\d{4})\\s*\\.\\.\\s*(\\d{4})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[qQ]([1-4])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern DAYS =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\s*\\.\\.\\s*(\\d{4}-\\d{2}-\\d{2})");

  private GoalValues() {}

  /**
   * A field refused.
   *
   * @param field the field's name as written ({@code target}, {@code baseline}, ...)
   * @param value what was written, empty when it was missing
   * @param message why, naming the field and the value
   */
  public record Refusal(String field, String value, String message) {
    public Refusal {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(message, "message");
    }
  }

  /** A goal whose fields were refused, each with its reason. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Refusal> refusals;

    Refused(List<Refusal> refusals) {
      super(String.join("; ", refusals.stream().map(Refusal::message).toList()));
      this.refusals = List.copyOf(refusals);
    }

    public List<Refusal> refusals() {
      return refusals;
    }
  }

  /**
   * A goal of a project from its fields as written: {@code name}, {@code kpi}, {@code baseline},
   * {@code target}, {@code horizon}, {@code owner} (optional) and {@code check_in} (optional,
   * weekly).
   *
   * @throws Refused with every field refused
   */
  public static Goal goal(String project, Map<String, String> fields) throws Refused {
    List<Refusal> refusals = new ArrayList<>();
    String name = required(fields, "name", refusals);
    Kpi kpi = null;
    String kpiText = required(fields, "kpi", refusals);
    if (kpiText != null) {
      try {
        kpi = Kpi.of(kpiText);
      } catch (IllegalArgumentException e) {
        refusals.add(new Refusal("kpi", kpiText, e.getMessage()));
      }
    }
    LocalDate[] baseline = range(fields, "baseline", refusals);
    LocalDate[] horizon = range(fields, "horizon", refusals);
    Double target = null;
    String targetText = required(fields, "target", refusals);
    if (targetText != null && kpi != null) {
      try {
        target = target(targetText, kpi);
      } catch (IllegalArgumentException e) {
        refusals.add(new Refusal("target", targetText, e.getMessage()));
      }
    }
    Cadence cadence = Cadence.WEEKLY;
    String cadenceText = fields.get("check_in");
    if (cadenceText != null && !cadenceText.isBlank()) {
      try {
        cadence = Cadence.of(cadenceText);
      } catch (IllegalArgumentException e) {
        refusals.add(new Refusal("check_in", cadenceText, e.getMessage()));
      }
    }
    if (!refusals.isEmpty()
        || name == null
        || kpi == null
        || baseline == null
        || horizon == null
        || target == null) {
      throw new Refused(refusals);
    }
    try {
      return new Goal(
          project,
          name,
          kpi,
          baseline[0],
          baseline[1],
          target,
          horizon[0],
          horizon[1],
          fields.getOrDefault("owner", ""),
          cadence);
    } catch (IllegalArgumentException e) {
      throw new Refused(List.of(new Refusal(fieldOf(e.getMessage()), "", e.getMessage())));
    }
  }

  /** Which field the goal's own check refused, from how its message starts. */
  private static String fieldOf(String message) {
    for (String field : List.of("target", "baseline", "horizon")) {
      if (message.startsWith("the " + field + " of goal")) {
        return field;
      }
    }
    return message.startsWith("goal name") ? "name" : "goal";
  }

  private static @Nullable String required(
      Map<String, String> fields, String key, List<Refusal> refusals) {
    String value = fields.get(key);
    if (value == null || value.isBlank()) {
      refusals.add(new Refusal(key, "", "the goal has no " + key));
      return null;
    }
    return value.strip();
  }

  private static LocalDate @Nullable [] range(
      Map<String, String> fields, String key, List<Refusal> refusals) {
    String text = required(fields, key, refusals);
    if (text == null) {
      return null;
    }
    try {
      return range(key, text);
    } catch (IllegalArgumentException e) {
      refusals.add(new Refusal(key, text, e.getMessage()));
      return null;
    }
  }

  /**
   * A target: a share or the net sentiment in percent ({@code 10%}, {@code -5 %}) or as a fraction
   * ({@code 0.1}); a count as a number.
   *
   * @throws IllegalArgumentException naming the target as written
   */
  public static double target(String text, Kpi kpi) {
    String number = text.strip().replace(',', '.');
    boolean percent = number.endsWith("%");
    if (percent) {
      number = number.substring(0, number.length() - 1).strip();
    }
    double value;
    try {
      value = Double.parseDouble(number);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("target '" + text + "' is not a number", e);
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("target '" + text + "' is not a number");
    }
    if (kpi.unit() == Kpi.Unit.COUNT) {
      if (percent) {
        throw new IllegalArgumentException(
            "target '" + text + "' is a percentage, but " + kpi.key() + " is a count");
      }
      return value;
    }
    if (percent) {
      return value / 100;
    }
    if (Math.abs(value) > 1) {
      throw new IllegalArgumentException(
          "target '" + text + "' is no share: write " + kpi.key() + " in percent, such as 10%");
    }
    return value;
  }

  /**
   * A period {@code [first, last]} as written for the field {@code key}.
   *
   * @throws IllegalArgumentException naming the field and the period as written
   */
  public static LocalDate[] range(String key, String text) {
    LocalDate[] range = parseRange(text.strip());
    if (range == null || range[1].isBefore(range[0])) {
      throw new IllegalArgumentException(
          key
              + " '"
              + text
              + "' is not a period such as 2026-10-01..2026-12-31, 2027-Q1, 2026-10, 2027 or"
              + " 2027..2029");
    }
    return range;
  }

  /** The first and last day of a period written as days, a quarter, a month, a year or years. */
  static LocalDate @Nullable [] parseRange(String text) {
    try {
      Matcher m = DAYS.matcher(text);
      if (m.matches()) {
        return new LocalDate[] {LocalDate.parse(m.group(1)), LocalDate.parse(m.group(2))};
      }
      m = YEARS.matcher(text);
      if (m.matches()) {
        return new LocalDate[] {
          LocalDate.of(Integer.parseInt(m.group(1)), 1, 1),
          LocalDate.of(Integer.parseInt(m.group(2)), 12, 31)
        };
      }
      m = QUARTER.matcher(text.toUpperCase(Locale.ROOT));
      if (m.matches()) {
        LocalDate first =
            LocalDate.of(Integer.parseInt(m.group(1)), 3 * Integer.parseInt(m.group(2)) - 2, 1);
        return new LocalDate[] {first, first.plusMonths(3).minusDays(1)};
      }
      m = MONTH.matcher(text);
      if (m.matches()) {
        LocalDate first =
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
        return new LocalDate[] {first, first.plusMonths(1).minusDays(1)};
      }
      m = YEAR.matcher(text);
      if (m.matches()) {
        int year = Integer.parseInt(m.group(1));
        return new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
      }
    } catch (DateTimeException e) {
      return null;
    }
    return null;
  }
}
