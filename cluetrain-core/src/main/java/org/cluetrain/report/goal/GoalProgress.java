package org.cluetrain.report.goal;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a goal is doing: its baseline, the KPI at each check-in period that has passed, the trend
 * through them and where that trend arrives at the end of the horizon.
 *
 * @param baseline the KPI over the baseline period (a count scaled to one check-in period); null
 *     when the baseline period had no mentions to measure a share of
 * @param points the passed check-in periods that have a value, oldest first
 * @param checkIns how many check-in periods the whole horizon has
 * @param trend the least-squares line through the points; null with fewer than two
 * @param forecast the trend's value at the last check-in period of the horizon; null without trend
 */
public record GoalProgress(
    Goal goal,
    @Nullable Double baseline,
    List<Point> points,
    int checkIns,
    @Nullable Trend trend,
    @Nullable Double forecast,
    Status status) {

  /** Where a goal stands. */
  public enum Status {
    /** The horizon has not begun. */
    NOT_STARTED,
    /** Fewer than two check-ins measured: no trend yet. */
    TOO_EARLY,
    /** At this pace the target is reached by the end of the horizon. */
    ON_TRACK,
    /** At this pace the target is not reached by the end of the horizon. */
    BEHIND,
    /** The horizon is over and the last check-in reached the target. */
    REACHED,
    /** The horizon is over and the last check-in did not reach the target. */
    MISSED;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The KPI in one check-in period.
   *
   * @param index the check-in's place in the horizon, from 0
   */
  public record Point(int index, LocalDate start, LocalDate end, double value) {}

  /**
   * A straight line {@code value = intercept + slope × index} over the check-ins.
   *
   * @param slope the change per check-in period
   */
  public record Trend(double intercept, double slope) {
    public double at(int index) {
      return intercept + slope * index;
    }

    /** The least-squares line through the points; null with fewer than two distinct check-ins. */
    static @Nullable Trend of(List<Point> points) {
      int n = points.size();
      if (n < 2) {
        return null;
      }
      double meanX = points.stream().mapToDouble(Point::index).average().orElse(0);
      double meanY = points.stream().mapToDouble(Point::value).average().orElse(0);
      double covariance = 0;
      double variance = 0;
      for (Point p : points) {
        covariance += (p.index() - meanX) * (p.value() - meanY);
        variance += (p.index() - meanX) * (p.index() - meanX);
      }
      if (variance == 0) {
        return null;
      }
      double slope = covariance / variance;
      return new Trend(meanY - slope * meanX, slope);
    }
  }

  public GoalProgress {
    points = List.copyOf(points);
  }

  /**
   * The progress of a goal from what was measured.
   *
   * @param points the passed check-in periods with a value
   * @param today the day it is; check-ins ending after it are not passed
   */
  public static GoalProgress of(
      Goal goal, @Nullable Double baseline, List<Point> points, LocalDate today) {
    int checkIns = goal.checkIns().size();
    Trend trend = Trend.of(points);
    Double forecast = trend == null ? null : trend.at(checkIns - 1);
    if (forecast != null && goal.kpi().unit() != Kpi.Unit.SCORE) {
      forecast = Math.max(0, forecast);
    }
    if (forecast != null && goal.kpi().unit() != Kpi.Unit.COUNT) {
      forecast = Math.max(-1, Math.min(1, forecast));
    }
    Status status;
    if (today.isBefore(goal.horizonStart())) {
      status = Status.NOT_STARTED;
    } else if (today.isAfter(goal.horizonEnd())) {
      Point last = points.isEmpty() ? null : points.get(points.size() - 1);
      status =
          last != null && goal.kpi().reaches(last.value(), goal.target())
              ? Status.REACHED
              : Status.MISSED;
    } else if (forecast == null) {
      status = Status.TOO_EARLY;
    } else {
      status = goal.kpi().reaches(forecast, goal.target()) ? Status.ON_TRACK : Status.BEHIND;
    }
    return new GoalProgress(goal, baseline, points, checkIns, trend, forecast, status);
  }

  /** The most recent measured value, or null before the first check-in passed. */
  public @Nullable Double latest() {
    return points.isEmpty() ? null : points.get(points.size() - 1).value();
  }
}
