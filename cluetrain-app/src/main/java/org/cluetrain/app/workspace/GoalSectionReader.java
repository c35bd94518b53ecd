package org.cluetrain.app.workspace;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cluetrain.report.goal.Cadence;
import org.cluetrain.report.goal.Goal;
import org.cluetrain.report.goal.Kpi;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a project's {@code goals} section, reporting problems through the workspace reader so that
 * each names the file, the line, the project, the goal and the value refused.
 *
 * <pre>
 * goals:
 *   - name: weniger-beschwerden
 *     kpi: negative_share
 *     baseline: 2026-10-12..2026-11-08   # or 2026-Q3, 2026-10, 2026
 *     target: 10%                        # shares and the net sentiment in %, counts as numbers
 *     horizon: 2026-11-09..2027-03-28    # or 2027-Q1, 2027, 2027..2029
 *     owner: anna
 *     check_in: weekly                   # weekly (default), monthly, quarterly
 * </pre>
 */
final class GoalSectionReader {
  private static final Set<String> KEYS =
      Set.of("name", "kpi", "baseline", "target", "horizon", "owner", "check_in");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern YEARS = Pattern.compile("(\\d{4})\\s*\\.\\.\\s*(\\d{4})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[qQ]([1-4])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern DAYS =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\s*\\.\\.\\s*(\\d{4}-\\d{2}-\\d{2})");

  private final WorkspaceReader reader;

  GoalSectionReader(WorkspaceReader reader) {
    this.reader = reader;
  }

  /** The goals of a project; a goal with a problem is left out and the problem reported. */
  List<Goal> goals(Node node, String project) {
    List<Goal> goals = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Node goalNode : reader.sequence(node, "goals")) {
      Goal goal = goal(goalNode, project);
      if (goal != null && !names.add(goal.name())) {
        reader.problem(
            goalNode, "project '" + project + "': goal '" + goal.name() + "' is declared twice");
      } else if (goal != null) {
        goals.add(goal);
      }
    }
    return goals;
  }

  private Goal goal(Node node, String project) {
    Map<String, Node> fields = reader.mapping(node, "a goal", KEYS);
    if (fields == null) {
      return null;
    }
    int before = reader.problemCount();
    String name = reader.required(fields, "name", node, "goal");
    String where = "project '" + project + "', goal '" + (name == null ? "?" : name) + "'";
    Kpi kpi = null;
    String kpiText = reader.required(fields, "kpi", node, "goal");
    if (kpiText != null) {
      try {
        kpi = Kpi.of(kpiText);
      } catch (IllegalArgumentException e) {
        reader.problem(fields.get("kpi"), where + ": " + e.getMessage());
      }
    }
    LocalDate[] baseline = range(fields, "baseline", node, where);
    LocalDate[] horizon = range(fields, "horizon", node, where);
    Double target = null;
    String targetText = reader.required(fields, "target", node, "goal");
    if (targetText != null && kpi != null) {
      target = target(targetText, kpi, fields.get("target"), where);
    }
    Cadence cadence = Cadence.WEEKLY;
    String cadenceText = reader.optionalScalar(fields, "check_in");
    if (cadenceText != null) {
      try {
        cadence = Cadence.of(cadenceText);
      } catch (IllegalArgumentException e) {
        reader.problem(fields.get("check_in"), where + ": " + e.getMessage());
      }
    }
    String owner = reader.optionalScalar(fields, "owner");
    if (reader.problemCount() > before
        || project == null
        || name == null
        || kpi == null
        || baseline == null
        || horizon == null
        || target == null) {
      return null;
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
          owner,
          cadence);
    } catch (IllegalArgumentException e) {
      reader.problem(node, "project '" + project + "': " + e.getMessage());
      return null;
    }
  }

  /**
   * A target: a share or the net sentiment in percent ({@code 10%}, {@code -5 %}) or as a fraction
   * ({@code 0.1}); a count as a number.
   */
  private Double target(String text, Kpi kpi, Node node, String where) {
    String number = text.strip().replace(',', '.');
    boolean percent = number.endsWith("%");
    if (percent) {
      number = number.substring(0, number.length() - 1).strip();
    }
    double value;
    try {
      value = Double.parseDouble(number);
    } catch (NumberFormatException e) {
      reader.problem(node, where + ": target '" + text + "' is not a number");
      return null;
    }
    if (kpi.unit() == Kpi.Unit.COUNT) {
      if (percent) {
        reader.problem(
            node,
            where + ": target '" + text + "' is a percentage, but " + kpi.key() + " is a count");
        return null;
      }
      return value;
    }
    if (percent) {
      return value / 100;
    }
    if (Math.abs(value) > 1) {
      reader.problem(
          node,
          where
              + ": target '"
              + text
              + "' is no share: write "
              + kpi.key()
              + " in percent, such as 10%");
      return null;
    }
    return value;
  }

  /** A range of days {@code [first, last]}, or null when absent or refused (with a problem). */
  private LocalDate[] range(Map<String, Node> fields, String key, Node owner, String where) {
    String text = reader.required(fields, key, owner, "goal");
    if (text == null) {
      return null;
    }
    LocalDate[] range = parseRange(text.strip());
    if (range == null || range[1].isBefore(range[0])) {
      reader.problem(
          fields.get(key),
          where
              + ": "
              + key
              + " '"
              + text
              + "' is not a period such as 2026-10-01..2026-12-31, 2027-Q1, 2026-10, 2027 or"
              + " 2027..2029");
      return null;
    }
    return range;
  }

  /** The first and last day of a period written as days, a quarter, a month, a year or years. */
  static LocalDate[] parseRange(String text) {
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
