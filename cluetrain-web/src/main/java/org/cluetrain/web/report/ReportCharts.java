package org.cluetrain.web.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cluetrain.report.OverviewReport;
import org.cluetrain.report.OverviewReport.Series;
import org.cluetrain.report.OverviewReport.Slice;
import org.cluetrain.web.page.Messages;

/**
 * A report's charts as SVG drawn on the server, so that the page, the PDF and the e-mail show the
 * same pictures without a script. Every chart is well-formed XML (the PDF's input is XHTML), sized
 * by its {@code viewBox}, with its text in the report's font.
 */
final class ReportCharts {
  static final int WIDTH = 640;

  private static final List<String> PALETTE =
      List.of("#2f5fb3", "#e08a1e", "#1f8a4c", "#8e44ad", "#c2372b", "#16a2b8", "#7a6a53");
  private static final Map<String, String> SENTIMENT_COLOURS =
      Map.of("positive", "#1f8a4c", "neutral", "#9aa3b2", "negative", "#c2372b");

  private final OverviewReport report;
  private final Messages t;

  ReportCharts(OverviewReport report, Messages t) {
    this.report = report;
    this.t = t;
  }

  /** Mentions per query and day, one line each. */
  String volume() {
    List<Series> lines = report.volume();
    List<String> names = lines.stream().map(Series::name).toList();
    Frame frame = new Frame(220, legend(names, PALETTE), max(lines, false));
    StringBuilder svg = frame.open(t.get("overview.volume"));
    int days = report.period().dates().size();
    for (int i = 0; i < lines.size(); i++) {
      List<Long> values = lines.get(i).values();
      StringBuilder points = new StringBuilder();
      for (int d = 0; d < days; d++) {
        points.append(d == 0 ? "" : " ").append(fmt(frame.x(d, days))).append(',');
        points.append(fmt(frame.y(values.get(d))));
      }
      svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
          .append(PALETTE.get(i % PALETTE.size()))
          .append("\" points=\"")
          .append(points)
          .append("\"/>");
    }
    return frame.close(svg, days);
  }

  /** The brand's mentions per day, stacked by sentiment. */
  String sentiment() {
    List<Series> stacks = report.sentiment();
    List<String> names = stacks.stream().map(s -> t.get("overview.sentiment." + s.key())).toList();
    List<String> colours = stacks.stream().map(s -> SENTIMENT_COLOURS.get(s.key())).toList();
    Frame frame = new Frame(220, legend(names, colours), max(stacks, true));
    StringBuilder svg = frame.open(t.get("overview.sentiment"));
    int days = report.period().dates().size();
    double bar = Math.max(1, frame.plotWidth() / days * 0.7);
    for (int d = 0; d < days; d++) {
      long below = 0;
      for (int s = 0; s < stacks.size(); s++) {
        long value = stacks.get(s).values().get(d);
        if (value > 0) {
          double top = frame.y(below + value);
          svg.append("<rect x=\"")
              .append(fmt(frame.x(d, days) - bar / 2))
              .append("\" y=\"")
              .append(fmt(top))
              .append("\" width=\"")
              .append(fmt(bar))
              .append("\" height=\"")
              .append(fmt(frame.y(below) - top))
              .append("\" fill=\"")
              .append(colours.get(s))
              .append("\"/>");
        }
        below += value;
      }
    }
    return frame.close(svg, days);
  }

  /** Horizontal bars, one per slice, with its value and its share of all. */
  static String bars(List<Slice> slices, String title, Messages t) {
    long total = slices.stream().mapToLong(Slice::value).sum();
    long max = Math.max(1, slices.stream().mapToLong(Slice::value).max().orElse(1));
    int row = 24;
    int height = Math.max(row, slices.size() * row) + 4;
    int labelWidth = 200;
    int barSpace = WIDTH - labelWidth - 110;
    StringBuilder svg = open(height, title);
    for (int i = 0; i < slices.size(); i++) {
      Slice slice = slices.get(i);
      int y = i * row + 4;
      double width = Math.max(slice.value() > 0 ? 2 : 0, barSpace * (double) slice.value() / max);
      svg.append(text(0, y + 15, shorten(slice.name(), 30), "start", "#222"));
      svg.append("<rect x=\"")
          .append(labelWidth)
          .append("\" y=\"")
          .append(y + 3)
          .append("\" width=\"")
          .append(fmt(width))
          .append("\" height=\"16\" fill=\"")
          .append(PALETTE.get(0))
          .append("\"/>");
      String label =
          t.number(slice.value())
              + (total > 0 ? " (" + t.percent((double) slice.value() / total) + ")" : "");
      svg.append(text(labelWidth + width + 6, y + 15, label, "start", "#222"));
    }
    return svg.append("</svg>").toString();
  }

  /** A legend drawn above a chart, and how many rows it takes. */
  private record Legend(String svg, int lines) {}

  /** The legend's entries laid out in rows: name and colour. */
  private static Legend legend(List<String> names, List<String> colours) {
    StringBuilder parts = new StringBuilder();
    double x = 0;
    int line = 0;
    for (int i = 0; i < names.size(); i++) {
      String name = shorten(names.get(i), 28);
      double width = 22 + name.length() * 7.0;
      if (x > 0 && x + width > WIDTH) {
        x = 0;
        line++;
      }
      int y = 4 + line * 18;
      parts.append(
          "<rect x=\""
              + fmt(x)
              + "\" y=\""
              + y
              + "\" width=\"12\" height=\"12\" fill=\""
              + colours.get(i % colours.size())
              + "\"/>"
              + text(x + 16, y + 11, name, "start", "#222"));
      x += width;
    }
    return new Legend(parts.toString(), names.isEmpty() ? 0 : line + 1);
  }

  private static long max(List<Series> series, boolean stacked) {
    long max = 0;
    int days = series.isEmpty() ? 0 : series.get(0).values().size();
    for (int d = 0; d < days; d++) {
      long sum = 0;
      for (Series s : series) {
        long v = s.values().get(d);
        sum = stacked ? sum + v : Math.max(sum, v);
      }
      max = Math.max(max, sum);
    }
    return niceMax(max);
  }

  /** The axis' top: 1, 2, 2.5 or 5 times a power of ten, at least the largest value. */
  static long niceMax(long max) {
    if (max <= 4) {
      return 4;
    }
    long power = 1;
    while (power * 10 < max) {
      power *= 10;
    }
    for (long tenths : new long[] {10, 20, 25, 50, 100}) {
      if (tenths * power / 10 >= max) {
        return tenths * power / 10;
      }
    }
    return 10 * power;
  }

  /** A chart over the days of the period: legend on top, y axis left, dates below. */
  private final class Frame {
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int BOTTOM = 22;

    private final int height;
    private final Legend legend;
    private final long top;
    private final int plotTop;

    Frame(int plotHeight, Legend legend, long top) {
      this.legend = legend;
      this.top = top;
      this.plotTop = 12 + legend.lines() * 18;
      this.height = plotTop + plotHeight + BOTTOM;
    }

    double plotWidth() {
      return WIDTH - LEFT - RIGHT;
    }

    double x(int day, int days) {
      return LEFT + plotWidth() * (day + 0.5) / days;
    }

    double y(long value) {
      return height - BOTTOM - (height - BOTTOM - plotTop) * (double) value / top;
    }

    StringBuilder open(String title) {
      StringBuilder svg = ReportCharts.open(height, title);
      svg.append(legend.svg());
      for (int i = 0; i <= 4; i++) {
        long value = top * i / 4;
        double y = y(value);
        svg.append("<line x1=\"")
            .append(LEFT)
            .append("\" x2=\"")
            .append(WIDTH - RIGHT)
            .append("\" y1=\"")
            .append(fmt(y))
            .append("\" y2=\"")
            .append(fmt(y))
            .append("\" stroke=\"#dde1e7\" stroke-width=\"1\"/>");
        svg.append(text(LEFT - 6, y + 4, t.number(value), "end", "#555"));
      }
      return svg;
    }

    String close(StringBuilder svg, int days) {
      List<LocalDate> dates = report.period().dates();
      int step = Math.max(1, (int) Math.ceil(days / 6.0));
      for (int d = 0; d < days; d += step) {
        svg.append(
            text(x(d, days), height - 6, ReportView.shortDate(dates.get(d), t), "middle", "#555"));
      }
      return svg.append("</svg>").toString();
    }
  }

  private static StringBuilder open(int height, String title) {
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"report-chart\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append(
            "\" role=\"img\" font-family=\"Liberation Sans, Arial, sans-serif\" font-size=\"12\">")
        .append("<title>")
        .append(escape(title))
        .append("</title>");
    return svg;
  }

  private static String text(double x, double y, String text, String anchor, String colour) {
    return "<text x=\""
        + fmt(x)
        + "\" y=\""
        + fmt(y)
        + "\" text-anchor=\""
        + anchor
        + "\" fill=\""
        + colour
        + "\">"
        + escape(text)
        + "</text>";
  }

  static String shorten(String name, int length) {
    return name.length() > length ? name.substring(0, length - 1) + "…" : name;
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
