package org.cluetrain.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.cluetrain.alert.Alert;
import org.cluetrain.inbox.InboxStore;
import org.cluetrain.report.goal.GoalProgress;
import org.jspecify.annotations.Nullable;

/**
 * A defined report for one period beside the period before it: the overview of each (see {@link
 * OverviewReport}), the figures compared, the alerts raised and how the inbox kept up. Built from
 * the same ports as the overview, so a report and the overview of the same days agree.
 *
 * @param figures the headline figures, each with its previous value
 * @param alerts the project's alerts raised in the period, newest first
 * @param inbox how the inbox kept up in the period
 * @param previousInbox the same for the previous period
 * @param goals the project's goals as they stood at the end of the period
 */
public record Report(
    ReportDefinition definition,
    OverviewReport current,
    OverviewReport previous,
    List<Figure> figures,
    List<Alert> alerts,
    InboxPerformance inbox,
    InboxPerformance previousInbox,
    List<GoalProgress> goals) {

  /** How many alerts the report lists. */
  public static final int ALERTS_SHOWN = 10;

  public Report {
    figures = List.copyOf(figures);
    alerts = List.copyOf(alerts);
    goals = List.copyOf(goals);
  }

  /** What a figure counts, so that it is written and compared the right way. */
  public enum Unit {
    COUNT,
    /** a share from 0 to 1; its change is in percentage points */
    SHARE,
    /** hours */
    HOURS
  }

  /**
   * A figure of the period beside its value in the previous period.
   *
   * @param key what it is: {@code mentions}, {@code negative_share}, {@code voices}, {@code
   *     copies}, {@code sources}, {@code alerts}, {@code inbox_items}, {@code inbox_answered},
   *     {@code inbox_response_hours}
   */
  public record Figure(String key, double value, double previous, Unit unit) {
    /** The difference to the previous period (in percentage points for a share). */
    public double change() {
      return value - previous;
    }

    /** The change relative to the previous value, or {@code NaN} when that was 0. */
    public double relativeChange() {
      return previous == 0 ? Double.NaN : (value - previous) / previous;
    }
  }

  /**
   * How an inbox kept up with the items created in a period.
   *
   * @param items items created
   * @param answered of those, the ones answered
   * @param withinTarget of those, the ones answered within the response target
   * @param medianResponse the median business time to the first answer, {@code null} when none
   */
  public record InboxPerformance(
      long items, long answered, long withinTarget, @Nullable Duration medianResponse) {

    static InboxPerformance of(InboxStore inbox, String project, Period period) {
      long[] counts = new long[3];
      List<Duration> times = new ArrayList<>();
      inbox.eachItem(
          project,
          item -> {
            if (inPeriod(item.created(), period)) {
              counts[0]++;
              if (item.responded() != null) {
                counts[1]++;
                times.add(item.clock().elapsed());
                if (item.clock().elapsed().compareTo(item.clock().target()) <= 0) {
                  counts[2]++;
                }
              }
            }
          });
      times.sort(null);
      Duration median = times.isEmpty() ? null : times.get(times.size() / 2);
      if (!times.isEmpty() && times.size() % 2 == 0) {
        median = times.get(times.size() / 2 - 1).plus(times.get(times.size() / 2)).dividedBy(2);
      }
      return new InboxPerformance(counts[0], counts[1], counts[2], median);
    }

    double hours() {
      return medianResponse == null ? 0 : medianResponse.toMinutes() / 60.0;
    }
  }

  /** The period the report covers. */
  public Period period() {
    return current.period();
  }

  public Period previousPeriod() {
    return previous.period();
  }

  public String project() {
    return current.project();
  }

  /** Whether the report shows a section: the definition asks for it. */
  public boolean shows(ReportSection section) {
    return definition.has(section);
  }

  /** The figure named {@code key}. */
  public Figure figure(String key) {
    return figures.stream()
        .filter(f -> f.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no figure '" + key + "'"));
  }

  /**
   * The report of {@code definition} for {@code period}, compared with the period before it.
   *
   * @param overview builds the project's overview for a period
   * @param alerts the project's alerts (those of other periods are left out here)
   * @param goals the project's goals as they stood at the end of the period
   */
  public static Report build(
      ReportDefinition definition,
      Period period,
      Function<Period, OverviewReport> overview,
      Collection<Alert> alerts,
      InboxStore inbox,
      List<GoalProgress> goals) {
    // a period chosen by its days (not a whole week, month …) is compared with as many days before
    PeriodKind kind = definition.period().fits(period) ? definition.period() : PeriodKind.CUSTOM;
    Period before = kind.previous(period);
    OverviewReport now = overview.apply(period);
    OverviewReport then = overview.apply(before);
    List<Alert> raised =
        alerts.stream()
            .filter(a -> inPeriod(a.raisedAt(), period))
            .sorted((a, b) -> b.raisedAt().compareTo(a.raisedAt()))
            .toList();
    long raisedBefore = alerts.stream().filter(a -> inPeriod(a.raisedAt(), before)).count();
    InboxPerformance inboxNow = InboxPerformance.of(inbox, now.project(), period);
    InboxPerformance inboxThen = InboxPerformance.of(inbox, now.project(), before);
    List<Figure> figures =
        List.of(
            new Figure("mentions", now.mentions(), then.mentions(), Unit.COUNT),
            new Figure("negative_share", now.negativeShare(), then.negativeShare(), Unit.SHARE),
            new Figure("voices", now.voices(), then.voices(), Unit.COUNT),
            new Figure("copies", now.copies(), then.copies(), Unit.COUNT),
            new Figure("sources", now.sources(), then.sources(), Unit.COUNT),
            new Figure("alerts", raised.size(), raisedBefore, Unit.COUNT),
            new Figure("inbox_items", inboxNow.items(), inboxThen.items(), Unit.COUNT),
            new Figure("inbox_answered", inboxNow.answered(), inboxThen.answered(), Unit.COUNT),
            new Figure("inbox_response_hours", inboxNow.hours(), inboxThen.hours(), Unit.HOURS));
    return new Report(
        definition,
        now,
        then,
        figures,
        raised.subList(0, Math.min(ALERTS_SHOWN, raised.size())),
        inboxNow,
        inboxThen,
        goals);
  }

  private static boolean inPeriod(Instant at, Period period) {
    return !at.isBefore(period.since()) && at.isBefore(period.until());
  }
}
