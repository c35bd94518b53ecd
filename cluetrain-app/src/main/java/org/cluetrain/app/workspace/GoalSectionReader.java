package org.cluetrain.app.workspace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /** A target as {@link GoalValues#target} reads it, or null when refused (with a problem). */
  private Double target(String text, Kpi kpi, Node node, String where) {
    try {
      return GoalValues.target(text, kpi);
    } catch (IllegalArgumentException e) {
      reader.problem(node, where + ": " + e.getMessage());
      return null;
    }
  }

  /** A range of days {@code [first, last]}, or null when absent or refused (with a problem). */
  private LocalDate[] range(Map<String, Node> fields, String key, Node owner, String where) {
    String text = reader.required(fields, key, owner, "goal");
    if (text == null) {
      return null;
    }
    try {
      return GoalValues.range(key, text);
    } catch (IllegalArgumentException e) {
      reader.problem(fields.get(key), where + ": " + e.getMessage());
      return null;
    }
  }
}
