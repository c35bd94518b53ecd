package org.cluetrain.report.goal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A goal of a project: bring a KPI from its baseline to a target by the end of a horizon.
 *
 * @param name the goal's name in the project, lower case like a query's
 * @param baselineFrom the first day the baseline is measured over
 * @param baselineTo the last day the baseline is measured over (inclusive)
 * @param target the value to reach; a share or score as a fraction (15 % is 0.15)
 * @param horizonStart the first day of the horizon
 * @param horizonEnd the last day of the horizon (inclusive), when the target should be reached
 * @param owner who answers for it (a user name or a team)
 * @param cadence how often progress is checked in on
 */
public record Goal(
    String project,
    String name,
    Kpi kpi,
    LocalDate baselineFrom,
    LocalDate baselineTo,
    double target,
    LocalDate horizonStart,
    LocalDate horizonEnd,
    String owner,
    Cadence cadence) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

  public Goal {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(kpi, "kpi");
    Objects.requireNonNull(baselineFrom, "baselineFrom");
    Objects.requireNonNull(baselineTo, "baselineTo");
    Objects.requireNonNull(horizonStart, "horizonStart");
    Objects.requireNonNull(horizonEnd, "horizonEnd");
    Objects.requireNonNull(cadence, "cadence");
    owner = owner == null ? "" : owner.strip();
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "goal name '"
              + name
              + "' must be lower case letters, digits, '-' or '_' (at most 40), starting with a"
              + " letter or digit");
    }
    if (!Double.isFinite(target)) {
      throw new IllegalArgumentException("the target of goal '" + name + "' must be a number");
    }
    if (kpi.unit() == Kpi.Unit.SHARE && (target < 0 || target > 1)) {
      throw new IllegalArgumentException(
          "the target of goal '" + name + "' is a share: between 0 and 100 %, not " + target);
    }
    if (kpi.unit() == Kpi.Unit.SCORE && (target < -1 || target > 1)) {
      throw new IllegalArgumentException(
          "the target of goal '"
              + name
              + "' is a net sentiment: between -100 % and 100 %, not "
              + target);
    }
    if (kpi.unit() == Kpi.Unit.COUNT && target < 0) {
      throw new IllegalArgumentException(
          "the target of goal '" + name + "' is a count and cannot be negative");
    }
    if (baselineTo.isBefore(baselineFrom)) {
      throw new IllegalArgumentException(
          "the baseline of goal '" + name + "' ends before it starts");
    }
    if (!horizonStart.isBefore(horizonEnd)) {
      throw new IllegalArgumentException(
          "the horizon of goal '" + name + "' must end after it starts");
    }
  }

  /** The check-in periods of the horizon, each {@code [start, end)}; the last may be shorter. */
  public List<CheckIn> checkIns() {
    List<CheckIn> periods = new ArrayList<>();
    LocalDate end = horizonEnd.plusDays(1);
    for (LocalDate start = horizonStart; start.isBefore(end); start = cadence.next(start)) {
      LocalDate next = cadence.next(start);
      periods.add(new CheckIn(start, next.isAfter(end) ? end : next));
    }
    return periods;
  }

  /** One check-in period of a goal: {@code [start, end)}. */
  public record CheckIn(LocalDate start, LocalDate end) {
    public CheckIn {
      if (!start.isBefore(end)) {
        throw new IllegalArgumentException("a check-in period must end after it starts");
      }
    }

    /** Its length in days. */
    public long days() {
      return end.toEpochDay() - start.toEpochDay();
    }
  }
}
