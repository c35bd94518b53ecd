package org.cluetrain.report.goal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.BiFunction;
import org.cluetrain.report.OverviewReport;
import org.cluetrain.report.Period;
import org.jspecify.annotations.Nullable;

/**
 * Measures goals: the baseline over its period and the KPI at every check-in period of the horizon
 * that has passed, each from the overview figures of that period.
 */
public final class GoalTracker {
  private final BiFunction<String, Period, OverviewReport> figures;
  private final Clock clock;

  /**
   * @param figures the overview figures of a project for a period (see {@link
   *     OverviewReport#figures})
   */
  public GoalTracker(BiFunction<String, Period, OverviewReport> figures, Clock clock) {
    this.figures = figures;
    this.clock = clock;
  }

  /** The day it is now, in UTC like the periods of reports. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** How a goal is doing today. */
  public GoalProgress progress(Goal goal) {
    LocalDate today = today();
    Double baseline =
        measure(goal, goal.baselineFrom(), goal.baselineTo().plusDays(1), today.plusDays(1));
    List<GoalProgress.Point> points = new ArrayList<>();
    List<Goal.CheckIn> checkIns = goal.checkIns();
    for (int i = 0; i < checkIns.size(); i++) {
      Goal.CheckIn checkIn = checkIns.get(i);
      if (checkIn.end().isAfter(today)) {
        break; // not over yet: a part of a period would look like a drop
      }
      Double value = measure(goal, checkIn.start(), checkIn.end(), checkIn.end());
      if (value != null) {
        points.add(new GoalProgress.Point(i, checkIn.start(), checkIn.end(), value));
      }
    }
    return GoalProgress.of(goal, baseline, points, today);
  }

  /**
   * The KPI over {@code [from, until)}, cut at {@code cutOff}; a count scaled to one typical
   * check-in period. Null when nothing of the period has passed or a share has no mentions.
   */
  private @Nullable Double measure(Goal goal, LocalDate from, LocalDate until, LocalDate cutOff) {
    LocalDate end = until.isAfter(cutOff) ? cutOff : until;
    if (!from.isBefore(end)) {
      return null;
    }
    Period period = new Period(OverviewReport.start(from), OverviewReport.start(end), 0, null);
    OptionalDouble value = goal.kpi().of(figures.apply(goal.project(), period));
    if (value.isEmpty()) {
      return null;
    }
    if (goal.kpi().unit() != Kpi.Unit.COUNT) {
      return value.getAsDouble();
    }
    long days = end.toEpochDay() - from.toEpochDay();
    return value.getAsDouble() * goal.cadence().typicalDays() / days;
  }
}
