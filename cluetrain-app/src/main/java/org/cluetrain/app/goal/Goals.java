package org.cluetrain.app.goal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.report.goal.Goal;
import org.cluetrain.report.goal.GoalProgress;
import org.cluetrain.report.goal.GoalTracker;

/** The goals of the workspace's projects and how each is doing. */
public final class Goals {
  private final Workspace workspace;
  private final GoalTracker tracker;

  public Goals(Workspace workspace, GoalTracker tracker) {
    this.workspace = workspace;
    this.tracker = tracker;
  }

  /** A project's goals in the order the workspace file lists them; none for an unknown project. */
  public List<Goal> of(String project) {
    return workspace.project(project).map(Workspace.Project::goals).orElse(List.of());
  }

  /** A project's goal of that name. */
  public Optional<Goal> find(String project, String name) {
    return workspace.project(project).flatMap(p -> p.goal(name));
  }

  /** How a goal is doing today. */
  public GoalProgress progress(Goal goal) {
    return tracker.progress(goal);
  }

  /**
   * A goal's progress as the API answers it: shares and scores as fractions, counts per check-in
   * period.
   *
   * @param points whether to include every check-in and the trend
   */
  public static Map<String, Object> json(GoalProgress progress, boolean points) {
    Goal goal = progress.goal();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("project", goal.project());
    json.put("name", goal.name());
    json.put("kpi", goal.kpi().key());
    json.put("unit", goal.kpi().unit().name().toLowerCase(java.util.Locale.ROOT));
    json.put("higher_is_better", goal.kpi().higherIsBetter());
    json.put("owner", goal.owner());
    json.put("check_in", goal.cadence().key());
    json.put(
        "baseline_period",
        Map.of("from", goal.baselineFrom().toString(), "to", goal.baselineTo().toString()));
    json.put("baseline", progress.baseline());
    json.put("target", goal.target());
    json.put(
        "horizon",
        Map.of("start", goal.horizonStart().toString(), "end", goal.horizonEnd().toString()));
    json.put("check_ins", progress.checkIns());
    json.put("measured", progress.points().size());
    json.put("latest", progress.latest());
    json.put("forecast", progress.forecast());
    json.put("status", progress.status().key());
    if (points) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (GoalProgress.Point point : progress.points()) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("index", point.index());
        p.put("start", point.start().toString());
        p.put("end", point.end().toString());
        p.put("value", point.value());
        list.add(p);
      }
      json.put("points", list);
      GoalProgress.Trend trend = progress.trend();
      json.put(
          "trend",
          trend == null
              ? null
              : Map.of("intercept", trend.intercept(), "slope_per_check_in", trend.slope()));
    }
    return json;
  }
}
