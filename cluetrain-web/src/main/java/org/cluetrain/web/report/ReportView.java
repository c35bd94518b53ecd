package org.cluetrain.web.report;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.cluetrain.report.OverviewReport.Slice;
import org.cluetrain.report.Period;
import org.cluetrain.report.Report;
import org.cluetrain.report.ReportSection;
import org.cluetrain.web.goals.GoalView;
import org.cluetrain.web.page.Messages;

/**
 * A report as the template shows it: in the definition's language, its figures written with their
 * previous values and changes, its charts drawn. The page, the PDF and the e-mail render the same
 * view with the same template ({@code report/content.jte}).
 */
public final class ReportView {
  private final Report report;
  private final Messages t;
  private final ReportCharts charts;

  public ReportView(Report report) {
    this(report, Messages.of(report.definition().language()));
  }

  ReportView(Report report, Messages t) {
    this.report = report;
    this.t = t;
    this.charts = new ReportCharts(report.current(), t);
  }

  public Report report() {
    return report;
  }

  public Messages t() {
    return t;
  }

  /** The project's goals as they stood at the end of the period, worded for the report. */
  public List<GoalView> goals() {
    return report.goals().stream().map(g -> new GoalView(g, t)).toList();
  }

  public boolean shows(String section) {
    return report.shows(ReportSection.of(section));
  }

  public String title() {
    return t.get("reports.title", report.definition().name(), report.project());
  }

  /** "1 Nov 2026 – 30 Nov 2026". */
  public String range(Period period) {
    DateTimeFormatter format =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(t.locale());
    return format.format(period.firstDate()) + " – " + format.format(period.lastDate());
  }

  static String shortDate(LocalDate date, Messages t) {
    return DateTimeFormatter.ofPattern(t.language().equals("de") ? "d.M." : "d MMM", t.locale())
        .format(date);
  }

  /** The figures named, in that order. */
  public List<Report.Figure> figures(String... keys) {
    return java.util.Arrays.stream(keys).map(report::figure).toList();
  }

  public String label(Report.Figure figure) {
    return t.get("reports.figure." + figure.key());
  }

  public String value(Report.Figure figure) {
    return format(figure.value(), figure.unit());
  }

  public String previous(Report.Figure figure) {
    return format(figure.previous(), figure.unit());
  }

  /** The change as the reader wants it: relative for counts, in points for shares. */
  public String change(Report.Figure figure) {
    return switch (figure.unit()) {
      case SHARE -> signed(figure.change() * 100, 1) + " " + t.get("reports.points");
      case HOURS -> signed(figure.change(), 1) + " h";
      case COUNT -> {
        double relative = figure.relativeChange();
        yield Double.isNaN(relative)
            ? (figure.value() == 0 ? "±0" : t.get("reports.new"))
            : signed(relative * 100, 0) + " %";
      }
    };
  }

  /**
   * {@code good}, {@code bad} or {@code same}: how the change reads, for its colour. More negative
   * mentions, more alerts and slower answers are bad; more of anything else is good.
   */
  public String tone(Report.Figure figure) {
    if (figure.change() == 0) {
      return "same";
    }
    boolean worseWhenHigher =
        List.of("negative_share", "alerts", "inbox_response_hours").contains(figure.key());
    return (figure.change() > 0) != worseWhenHigher ? "good" : "bad";
  }

  /** A slice's value in the previous period (the same key), 0 when it had none. */
  public long previousValue(List<Slice> previous, Slice slice) {
    return previous.stream()
        .filter(s -> s.key().equals(slice.key()))
        .mapToLong(Slice::value)
        .findFirst()
        .orElse(0);
  }

  public String duration(Duration duration) {
    return duration == null ? "–" : format(duration.toMinutes() / 60.0, Report.Unit.HOURS);
  }

  public String volumeChart() {
    return charts.volume();
  }

  public String sentimentChart() {
    return charts.sentiment();
  }

  public String shareChart() {
    return ReportCharts.bars(report.current().shareOfVoice(), t.get("overview.share_of_voice"), t);
  }

  public String sourcesChart() {
    return ReportCharts.bars(report.current().topSources(), t.get("overview.top_sources"), t);
  }

  private String format(double value, Report.Unit unit) {
    return switch (unit) {
      case COUNT -> t.number(Math.round(value));
      case SHARE -> t.percent(value);
      case HOURS -> String.format(t.locale(), "%.1f h", value);
    };
  }

  private String signed(double value, int decimals) {
    double factor = Math.pow(10, decimals);
    double rounded = Math.round(value * factor) / factor;
    String number = String.format(t.locale(), "%." + decimals + "f", Math.abs(rounded));
    return (rounded == 0 ? "±" : rounded > 0 ? "+" : "−") + number;
  }
}
