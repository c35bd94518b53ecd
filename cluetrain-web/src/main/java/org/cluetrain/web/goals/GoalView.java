package org.cluetrain.web.goals;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cluetrain.json.Json;
import org.cluetrain.report.goal.Goal;
import org.cluetrain.report.goal.GoalProgress;
import org.cluetrain.report.goal.Kpi;
import org.cluetrain.web.page.Messages;

/**
 * A goal's progress as a page shows it: values in the KPI's unit, the forecast explained in words,
 * and the chart of check-ins, trend, target and baseline.
 */
public final class GoalView {
  private final GoalProgress progress;
  private final Messages t;

  public GoalView(GoalProgress progress, Messages t) {
    this.progress = progress;
    this.t = t;
  }

  public GoalProgress progress() {
    return progress;
  }

  public Goal goal() {
    return progress.goal();
  }

  /** The KPI's name, e.g. "share of negative mentions". */
  public String kpi() {
    return t.get("goals.kpi." + goal().kpi().key());
  }

  public String status() {
    return t.get("goals.status." + progress.status().key());
  }

  public String cadence() {
    return t.get("goals.cadence." + goal().cadence().key());
  }

  /** A value in the KPI's unit: "12 %", "+8 %", "41.5"; a dash for none. */
  public String value(Double value) {
    if (value == null) {
      return "–";
    }
    NumberFormat format = NumberFormat.getNumberInstance(t.locale());
    format.setMaximumFractionDigits(1);
    return switch (goal().kpi().unit()) {
      case COUNT -> format.format(value);
      case SHARE -> format.format(value * 100) + " %";
      case SCORE -> (value > 0 ? "+" : "") + format.format(value * 100) + " %";
    };
  }

  /** A change in the KPI's unit, always signed: "+2.5", "−3 points". */
  public String change(double change) {
    NumberFormat format = NumberFormat.getNumberInstance(t.locale());
    format.setMaximumFractionDigits(goal().kpi().unit() == Kpi.Unit.COUNT ? 1 : 2);
    String sign = change > 0 ? "+" : change < 0 ? "−" : "±";
    double magnitude = Math.abs(change);
    return goal().kpi().unit() == Kpi.Unit.COUNT
        ? sign + format.format(magnitude)
        : t.get("goals.points", sign + format.format(magnitude * 100));
  }

  public String date(LocalDate date) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
        .withLocale(t.locale())
        .format(date);
  }

  /** The horizon as "2 Nov 2026 – 28 Mar 2027". */
  public String horizon() {
    return date(goal().horizonStart()) + " – " + date(goal().horizonEnd());
  }

  public String baselinePeriod() {
    return date(goal().baselineFrom()) + " – " + date(goal().baselineTo());
  }

  /** What the KPI counts, what the baseline was, and where this pace leads: sentences. */
  public List<String> explanation() {
    List<String> sentences = new ArrayList<>();
    Goal goal = goal();
    sentences.add(t.get("goals.explain.kpi." + goal.kpi().key()));
    if (goal.kpi().unit() == Kpi.Unit.COUNT) {
      sentences.add(t.get("goals.explain.per_check_in", unit()));
    }
    sentences.add(
        progress.baseline() == null
            ? t.get("goals.explain.no_baseline", baselinePeriod())
            : t.get("goals.explain.baseline", value(progress.baseline()), baselinePeriod()));
    String target = value(goal.target());
    switch (progress.status()) {
      case NOT_STARTED ->
          sentences.add(
              t.get(
                  "goals.explain.not_started",
                  date(goal.horizonStart()),
                  date(goal.checkIns().get(0).end().minusDays(1))));
      case TOO_EARLY ->
          sentences.add(
              t.get("goals.explain.too_early", progress.points().size(), progress.checkIns()));
      case REACHED, MISSED ->
          sentences.add(
              t.get(
                  "goals.explain." + progress.status().key(),
                  date(goal.horizonEnd()),
                  value(progress.latest()),
                  target));
      case ON_TRACK, BEHIND -> {
        GoalProgress.Trend trend = progress.trend();
        sentences.add(
            t.get(
                "goals.explain.trend",
                progress.points().size(),
                change(trend == null ? 0 : trend.slope()),
                unit()));
        sentences.add(
            t.get(
                "goals.explain.forecast",
                kpi(),
                value(progress.forecast()),
                date(goal.horizonEnd()),
                target));
        if (progress.status() == GoalProgress.Status.ON_TRACK) {
          sentences.add(t.get("goals.explain.on_track"));
        } else {
          GoalProgress.Point last = progress.points().get(progress.points().size() - 1);
          int remaining = progress.checkIns() - 1 - last.index();
          sentences.add(
              remaining <= 0
                  ? t.get("goals.explain.behind_last")
                  : t.get(
                      "goals.explain.behind",
                      kpi(),
                      change((goal.target() - last.value()) / remaining),
                      unit(),
                      value(last.value())));
        }
      }
    }
    return sentences;
  }

  private String unit() {
    return t.get("goals.cadence." + goal().cadence().key() + ".unit");
  }

  /** The ECharts option: check-ins measured, the trend to the horizon's end, target, baseline. */
  public String chart() {
    List<Goal.CheckIn> checkIns = goal().checkIns();
    List<String> dates = checkIns.stream().map(c -> c.start().toString()).toList();
    List<Object> measured = new ArrayList<>();
    List<Object> trend = new ArrayList<>();
    for (int i = 0; i < checkIns.size(); i++) {
      measured.add(null);
      trend.add(null);
    }
    progress.points().forEach(p -> measured.set(p.index(), shown(p.value())));
    GoalProgress.Trend line = progress.trend();
    if (line != null && !progress.points().isEmpty()) {
      for (int i = progress.points().get(0).index(); i < checkIns.size(); i++) {
        trend.set(i, shown(bounded(line.at(i))));
      }
    }
    List<Object> marks = new ArrayList<>();
    marks.add(
        Map.of("name", t.get("goals.target"), "yAxis", shown(goal().target()), "label", label()));
    if (progress.baseline() != null) {
      marks.add(
          Map.of(
              "name",
              t.get("goals.baseline"),
              "yAxis",
              shown(progress.baseline()),
              "label",
              label(),
              "lineStyle",
              Map.of("color", "#9aa3b2", "type", "dotted")));
    }
    Map<String, Object> measuredSeries = new LinkedHashMap<>();
    measuredSeries.put("name", t.get("goals.measured"));
    measuredSeries.put("type", "line");
    measuredSeries.put("connectNulls", true);
    measuredSeries.put("data", measured);
    measuredSeries.put(
        "markLine",
        Map.of(
            "symbol",
            "none",
            "lineStyle",
            Map.of("color", "#1f8a4c", "type", "solid"),
            "data",
            marks));
    Map<String, Object> trendSeries = new LinkedHashMap<>();
    trendSeries.put("name", t.get("goals.trend"));
    trendSeries.put("type", "line");
    trendSeries.put("showSymbol", false);
    trendSeries.put("lineStyle", Map.of("type", "dashed"));
    trendSeries.put("data", trend);
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("tooltip", Map.of("trigger", "axis"));
    option.put("legend", Map.of("top", 0));
    option.put(
        "grid", Map.of("left", 36, "right", 36, "top", 32, "bottom", 8, "containLabel", true));
    option.put(
        "xAxis",
        Map.of("type", "category", "axisLabel", Map.of("hideOverlap", true), "data", dates));
    option.put(
        "yAxis",
        goal().kpi().unit() == Kpi.Unit.COUNT
            ? Map.of("type", "value")
            : Map.of("type", "value", "axisLabel", Map.of("formatter", "{value} %")));
    option.put("series", List.of(measuredSeries, trendSeries));
    try {
      return Json.mapper().writeValueAsString(option);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("chart options are plain maps and lists", e);
    }
  }

  private static Map<String, Object> label() {
    return Map.of("formatter", "{b}", "position", "insideEndTop");
  }

  /** A value as the chart draws it: shares in percent, one decimal. */
  private double shown(double value) {
    double scaled = goal().kpi().unit() == Kpi.Unit.COUNT ? value : value * 100;
    return Math.round(scaled * 10) / 10.0;
  }

  private double bounded(double value) {
    return switch (goal().kpi().unit()) {
      case COUNT -> Math.max(0, value);
      case SHARE -> Math.max(0, Math.min(1, value));
      case SCORE -> Math.max(-1, Math.min(1, value));
    };
  }
}
