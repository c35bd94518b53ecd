package org.cluetrain.app.goal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.report.goal.Goal;
import org.cluetrain.report.goal.GoalProgress;
import org.cluetrain.report.goal.GoalStore;
import org.cluetrain.report.goal.GoalTracker;
import org.jspecify.annotations.Nullable;

/**
 * The goals in effect of the workspace's projects and how each is doing: the workspace file's, each
 * replaced by the version saved in the web interface under the same name, and after them the goals
 * created in the interface.
 */
public final class Goals {
  private final Workspace workspace;
  private final GoalStore store;
  private final GoalTracker tracker;
  private final Clock clock;

  /** Where a goal in effect comes from. */
  public enum Origin {
    /** The workspace file. */
    WORKSPACE,
    /** The web interface, for a goal the file does not have. */
    EDITED,
    /** The web interface, replacing the file's goal of the same name. */
    EDITED_OVER_WORKSPACE;

    /** The name in the API, e.g. {@code edited_over_workspace}. */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A goal in effect.
   *
   * @param version the stored version in effect, or null for the file's goal
   */
  public record Entry(Goal goal, Origin origin, GoalStore.@Nullable Version version) {
    public Entry {
      Objects.requireNonNull(goal, "goal");
      Objects.requireNonNull(origin, "origin");
    }
  }

  public Goals(Workspace workspace, GoalStore store, GoalTracker tracker, Clock clock) {
    this.workspace = workspace;
    this.store = store;
    this.tracker = tracker;
    this.clock = clock;
  }

  /**
   * A project's goals in effect: the file's in its order (each replaced by its stored version if
   * there is one), then those created in the interface by name; none for an unknown project.
   */
  public List<Entry> entries(String project) {
    Optional<Workspace.Project> known = workspace.project(project);
    if (known.isEmpty()) {
      return List.of();
    }
    Map<String, Entry> merged = new LinkedHashMap<>();
    for (Goal goal : known.get().goals()) {
      merged.put(goal.name(), new Entry(goal, Origin.WORKSPACE, null));
    }
    for (GoalStore.Version version : store.goals(project)) {
      String name = version.goal().name();
      Origin origin = merged.containsKey(name) ? Origin.EDITED_OVER_WORKSPACE : Origin.EDITED;
      merged.put(name, new Entry(version.goal(), origin, version));
    }
    return List.copyOf(merged.values());
  }

  /** A project's goals in effect, in the order of {@link #entries(String)}. */
  public List<Goal> of(String project) {
    return entries(project).stream().map(Entry::goal).toList();
  }

  /** A project's goal in effect of that name, with where it comes from. */
  public Optional<Entry> entry(String project, String name) {
    return entries(project).stream().filter(e -> e.goal().name().equals(name)).findFirst();
  }

  /** A project's goal in effect of that name. */
  public Optional<Goal> find(String project, String name) {
    return entry(project, name).map(Entry::goal);
  }

  /** Every version of a goal saved in the interface, oldest first; none for the file's alone. */
  public List<GoalStore.Version> history(String project, String name) {
    return store.history(project, name);
  }

  /**
   * Saves a goal in the interface as its next version, creating it or changing it.
   *
   * @param by the account that saves it
   * @throws IllegalArgumentException when the workspace has no such project
   */
  public GoalStore.Version save(Goal goal, String by) {
    if (workspace.project(goal.project()).isEmpty()) {
      throw new IllegalArgumentException("no project '" + goal.project() + "' in the workspace");
    }
    return store.save(goal, by, clock.instant());
  }

  /**
   * The fields in which a goal differs from the one before it, by their names in the workspace file
   * and the API; every field when there was none before.
   */
  public static List<String> changes(@Nullable Goal before, Goal after) {
    List<String> changed = new ArrayList<>();
    if (before == null || before.kpi() != after.kpi()) {
      changed.add("kpi");
    }
    if (before == null
        || !before.baselineFrom().equals(after.baselineFrom())
        || !before.baselineTo().equals(after.baselineTo())) {
      changed.add("baseline");
    }
    if (before == null || Double.compare(before.target(), after.target()) != 0) {
      changed.add("target");
    }
    if (before == null
        || !before.horizonStart().equals(after.horizonStart())
        || !before.horizonEnd().equals(after.horizonEnd())) {
      changed.add("horizon");
    }
    if (before == null || !before.owner().equals(after.owner())) {
      changed.add("owner");
    }
    if (before == null || before.cadence() != after.cadence()) {
      changed.add("check_in");
    }
    return changed;
  }

  /**
   * A goal's versions as the API and the goal page show them, newest first, each with what changed
   * from the one before (the first from the file's goal, if the file has one).
   */
  public List<Map<String, Object>> historyJson(String project, String name) {
    Goal before = workspace.project(project).flatMap(p -> p.goal(name)).orElse(null);
    List<Map<String, Object>> versions = new ArrayList<>();
    for (GoalStore.Version version : history(project, name)) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("version", version.number());
      json.put("edited_by", version.editedBy());
      json.put("edited", version.edited().toString());
      json.put("changed", changes(before, version.goal()));
      json.put("target", version.goal().target());
      versions.add(0, json);
      before = version.goal();
    }
    return versions;
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
