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

  private final OverviewReport report;
  private final Messages t;

  OverviewCharts(OverviewReport report, Messages t) {
    this.report = report;
    this.t = t;
  }

  String volume() {
    List<Object> series = new ArrayList<>();
    for (Series line : report.volume()) {
      series.add(
          Map.of(
              "name",
              line.name(),
              "type",
              "line",
              "showSymbol",
              report.period().dates().size() <= 31,
              "data",
              points(line, Map.of("query", line.key()))));
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
    pie.put("radius", List.of("35%", "65%"));
    pie.put("label", Map.of("formatter", "{b}: {d}%"));
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
    option.put(
        "grid", Map.of("left", 8, "right", 16, "top", 32, "bottom", 8, "containLabel", true));
    option.put(
        "xAxis",
        Map.of(
            "type",
            "category",
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
