package org.cluetrain.web.overview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cluetrain.json.Json;
import org.cluetrain.report.OverviewReport;
import org.cluetrain.report.OverviewReport.Series;
import org.cluetrain.report.OverviewReport.Slice;
import org.cluetrain.report.Period;
import org.cluetrain.web.page.Messages;

/**
 * The overview's charts as ECharts options (JSON for {@code data-chart}). Every data point carries
 * a {@code link} to the mentions behind it, which {@code app.js} follows on click.
 */
final class OverviewCharts {
  private static final ObjectMapper JSON = Json.mapper();
  private static final Map<String, String> SENTIMENT_COLOURS =
      Map.of("positive", "#1f8a4c", "neutral", "#9aa3b2", "negative", "#c2372b");

  private static final List<String> SYMBOLS =
      List.of("circle", "rect", "triangle", "diamond", "roundRect", "pin", "arrow");

  private final OverviewReport report;
  private final Messages t;

  OverviewCharts(OverviewReport report, Messages t) {
    this.report = report;
    this.t = t;
  }

  String volume() {
    List<Object> series = new ArrayList<>();
    List<Series> lines = report.volume();
    for (int i = 0; i < lines.size(); i++) {
      Series line = lines.get(i);
      // lines with the same values lie on each other: the ones drawn first are wider and mark
      // their points differently, so a later line never hides an earlier one
      int below = lines.size() - 1 - i;
      Map<String, Object> drawn = new LinkedHashMap<>();
      drawn.put("name", line.name());
      drawn.put("type", "line");
      drawn.put("showSymbol", report.period().dates().size() <= 31);
      drawn.put("symbol", SYMBOLS.get(i % SYMBOLS.size()));
      drawn.put("symbolSize", 5 + 3 * below);
      drawn.put("lineStyle", Map.of("width", 2 + 2 * below));
      drawn.put("data", points(line, Map.of("query", line.key())));
      series.add(drawn);
    }
    return json(timeChart(series, true));
  }

  String sentiment() {
    List<Object> series = new ArrayList<>();
    for (Series stack : report.sentiment()) {
      Map<String, Object> bar = new LinkedHashMap<>();
      bar.put("name", t.get("overview.sentiment." + stack.key()));
      bar.put("type", "bar");
      bar.put("stack", "sentiment");
      bar.put("barMinWidth", 6);
      bar.put("barMaxWidth", 32);
      bar.put("itemStyle", Map.of("color", SENTIMENT_COLOURS.get(stack.key())));
      bar.put("data", points(stack, Map.of("query", MentionsLink.BRAND, "sentiment", stack.key())));
      series.add(bar);
    }
    return json(timeChart(series, true));
  }

  String shareOfVoice() {
    List<Object> data = new ArrayList<>();
    for (Slice slice : report.shareOfVoice()) {
      data.add(
          Map.of(
              "name",
              slice.name(),
              "value",
              slice.value(),
              "link",
              link(Map.of("query", slice.key()), null)));
    }
    Map<String, Object> pie = new LinkedHashMap<>();
    pie.put("type", "pie");
    pie.put("name", t.get("overview.share_of_voice"));
    // a ring small enough that the names and shares beside it fit a narrow card whole
    pie.put("radius", List.of("25%", "45%"));
    pie.put("center", List.of("50%", "45%"));
    // name and share on two lines: narrow enough for a phone's card
    pie.put("label", Map.of("formatter", "{b}\n{d} %", "lineHeight", 15));
    pie.put("data", data);
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("tooltip", Map.of("trigger", "item"));
    option.put("legend", Map.of("bottom", 0));
    option.put("series", List.of(pie));
    return json(option);
  }

  String topSources() {
    List<Slice> sources = new ArrayList<>(report.topSources());
    java.util.Collections.reverse(sources); // ECharts draws the first category at the bottom
    List<Object> data = new ArrayList<>();
    for (Slice slice : sources) {
      data.add(
          Map.of(
              "value",
              slice.value(),
              "link",
              link(Map.of("query", MentionsLink.BRAND, "source", slice.key()), null)));
    }
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("tooltip", Map.of("trigger", "axis"));
    option.put(
        "grid", Map.of("left", 8, "right", 24, "top", 8, "bottom", 24, "containLabel", true));
    option.put("xAxis", Map.of("type", "value", "minInterval", 1));
    option.put(
        "yAxis",
        Map.of("type", "category", "data", sources.stream().map(s -> shorten(s.name())).toList()));
    option.put(
        "series", List.of(Map.of("name", t.get("overview.mentions"), "type", "bar", "data", data)));
    return json(option);
  }

  private Map<String, Object> timeChart(List<Object> series, boolean legend) {
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("tooltip", Map.of("trigger", "axis"));
    if (legend) {
      option.put("legend", Map.of("top", 0));
    }
    // room on both sides for half a date: the first and last labels stand centred on their day
    option.put(
        "grid", Map.of("left", 36, "right", 36, "top", 32, "bottom", 8, "containLabel", true));
    option.put(
        "xAxis",
        Map.of(
            "type",
            "category",
            "axisLabel",
            Map.of("hideOverlap", true),
            "data",
            report.period().dates().stream().map(LocalDate::toString).toList()));
    option.put("yAxis", Map.of("type", "value", "minInterval", 1));
    option.put("series", series);
    return option;
  }

  private List<Object> points(Series series, Map<String, String> filters) {
    List<LocalDate> dates = report.period().dates();
    List<Object> points = new ArrayList<>();
    for (int i = 0; i < dates.size(); i++) {
      points.add(Map.of("value", series.values().get(i), "link", link(filters, dates.get(i))));
    }
    return points;
  }

  /** The mentions behind a figure: the whole period, or one day of it. */
  private String link(Map<String, String> filters, LocalDate day) {
    Period period =
        day == null
            ? report.period()
            : new Period(OverviewReport.start(day), OverviewReport.start(day.plusDays(1)), 0, null);
    return MentionsLink.to(report.project(), period, new java.util.TreeMap<>(filters));
  }

  private static String shorten(String name) {
    return name.length() > 28 ? name.substring(0, 27) + "…" : name;
  }

  private static String json(Object option) {
    try {
      return JSON.writeValueAsString(option);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("chart options are plain maps and lists", e);
    }
  }
}
