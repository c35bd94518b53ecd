package org.cluetrain.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.TimeArguments;
import org.cluetrain.app.alert.AlertJson;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.report.OverviewReport;
import org.cluetrain.report.Period;
import org.cluetrain.report.PeriodKind;
import org.cluetrain.report.Report;
import org.cluetrain.report.ReportDefinition;
import org.cluetrain.store.ThreadSummary;
import org.cluetrain.web.report.ReportDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "A project's overview for a period: mentions, negative share, voices, volume per query,"
          + " share of voice, top sources; the same figures as the web overview.",
      "With --format html or pdf, one of the project's defined reports (--report) for a period"
          + " beside the one before it, written to --out: the same document as the web's."
    })
final class ReportCommand implements Callable<Integer> {
  enum Format {
    text,
    json,
    html,
    pdf
  }

  @Mixin Options options;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-p", "--project"},
      paramLabel = "P",
      description = "The project (needed when the workspace has several).")
  String project;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "30",
      description = "The last N whole days, today included (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--since",
      paramLabel = "TIME",
      description =
          "The first day instead (2026-03-01, 7d, yesterday …); --until defaults to today.")
  String since;

  @Option(names = "--until", paramLabel = "TIME", description = "The day after the last one.")
  String until;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, json, html or pdf (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--report",
      paramLabel = "NAME",
      description =
          "For html and pdf: the report the project defines (default: its first; every section"
              + " in English when it defines none).")
  String reportName;

  @Option(
      names = "--period",
      paramLabel = "KIND",
      description =
          "For html and pdf: week, month, quarter, year or custom instead of the definition's"
              + " (custom: --since and --until).")
  String periodKind;

  @Option(
      names = "--at",
      paramLabel = "DAY",
      description =
          "For html and pdf: a day in the period (2026-11-10); without it and --since, the last"
              + " whole period before today, or the one with the latest post.")
  String at;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "For html and pdf: the file to write (html goes to the output without it).")
  Path outFile;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (outFile != null && format != Format.html && format != Format.pdf) {
      throw new ParameterException(spec.commandLine(), "--out is for --format html or pdf");
    }
    try (EmbeddedRuntime runtime = options.open()) {
      String chosen = Options.project(runtime.workspace(), project);
      if (format == Format.html || format == Format.pdf) {
        return document(runtime, chosen, out);
      }
      OverviewReport report = runtime.overview(chosen, period(Instant.now()));
      if (format == Format.json) {
        out.println(AlertJson.write(report));
      } else {
        print(out, report);
      }
    }
    return ExitCodes.OK;
  }

  /** A defined report as HTML or PDF. */
  private int document(EmbeddedRuntime runtime, String chosen, PrintWriter printed)
      throws java.io.IOException {
    if (format == Format.pdf && outFile == null) {
      throw new ParameterException(spec.commandLine(), "--format pdf needs --out FILE");
    }
    Workspace.Project p = runtime.workspace().project(chosen).orElseThrow();
    ReportDefinition definition;
    if (reportName != null) {
      definition =
          p.report(reportName)
              .orElseThrow(
                  () ->
                      new ParameterException(
                          spec.commandLine(),
                          "project '"
                              + chosen
                              + "' defines no report '"
                              + reportName
                              + "'"
                              + (p.reports().isEmpty()
                                  ? ""
                                  : "; it defines "
                                      + String.join(
                                          ", ",
                                          p.reports().stream()
                                              .map(ReportDefinition::name)
                                              .toList()))));
    } else if (!p.reports().isEmpty()) {
      definition = p.reports().get(0);
    } else {
      definition = ReportDefinition.everything("report", PeriodKind.MONTH);
    }
    Instant now = Instant.now();
    Period period;
    try {
      if (periodKind != null) {
        PeriodKind kind = PeriodKind.of(periodKind);
        definition =
            new ReportDefinition(
                definition.name(),
                definition.sections(),
                kind,
                definition.language(),
                null,
                definition.recipients());
      }
      List<ThreadSummary> latest = runtime.rollups().threads(chosen, 1);
      period =
          definition
              .period()
              .choose(
                  at == null ? null : LocalDate.parse(at.strip()),
                  day(since, now),
                  day(until, now),
                  LocalDate.ofInstant(now, ZoneOffset.UTC),
                  latest.isEmpty()
                      ? null
                      : LocalDate.ofInstant(latest.get(0).last(), ZoneOffset.UTC));
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Report report = runtime.report(chosen, definition, period);
    if (format == Format.pdf) {
      Files.write(outFile, ReportDocument.pdf(report));
    } else if (outFile != null) {
      Files.writeString(outFile, ReportDocument.html(report));
    } else {
      printed.print(ReportDocument.html(report));
      printed.flush();
      return ExitCodes.OK;
    }
    spec.commandLine()
        .getOut()
        .printf(
            "%s of %s, %s – %s, written to %s%n",
            definition.name(), chosen, period.firstDate(), period.lastDate(), outFile);
    return ExitCodes.OK;
  }

  private static LocalDate day(String text, Instant now) {
    return text == null
        ? null
        : LocalDate.ofInstant(TimeArguments.parse(text, now), ZoneOffset.UTC);
  }

  private Period period(Instant now) {
    if (days < 1) {
      throw new ParameterException(spec.commandLine(), "--days must be at least 1, was " + days);
    }
    Instant end;
    Instant start;
    try {
      end =
          until == null
              ? now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1))
              : TimeArguments.parse(until, now).truncatedTo(ChronoUnit.DAYS);
      start =
          since == null
              ? end.minus(Duration.ofDays(days))
              : TimeArguments.parse(since, now).truncatedTo(ChronoUnit.DAYS);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (!start.isBefore(end)) {
      throw new ParameterException(spec.commandLine(), "--since must be before --until");
    }
    return new Period(start, end, since == null ? days : 0, null);
  }

  private static void print(PrintWriter out, OverviewReport report) {
    Period period = report.period();
    out.printf(
        "Overview of %s, %s – %s%n", report.project(), period.firstDate(), period.lastDate());
    out.printf(
        "%,d mentions, %.0f %% negative, %,d authors, %,d sources%n",
        report.mentions(), 100 * report.negativeShare(), report.authors(), report.sources());
    if (report.isEmpty()) {
      out.println("nothing matched in this period");
      return;
    }
    out.println("volume by query:");
    for (OverviewReport.Series series : report.volume()) {
      out.printf(
          "  %8d  %s%n", series.values().stream().mapToLong(Long::longValue).sum(), series.name());
    }
    out.println("share of voice:");
    for (OverviewReport.Slice slice : report.shareOfVoice()) {
      out.printf("  %8d  %s%n", slice.value(), slice.name());
    }
    if (!report.topSources().isEmpty()) {
      out.println("top sources:");
      for (OverviewReport.Slice slice : report.topSources()) {
        out.printf("  %8d  %s%n", slice.value(), slice.name());
      }
    }
  }
}
