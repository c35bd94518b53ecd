package org.cluetrain.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.TimeArguments;
import org.cluetrain.app.alert.AlertJson;
import org.cluetrain.report.OverviewReport;
import org.cluetrain.report.Period;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "A project's overview for a period: mentions, negative share, voices, volume per query,"
            + " share of voice, top sources; the same figures as the web overview.")
final class ReportCommand implements Callable<Integer> {
  enum Format {
    text,
    json
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
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (EmbeddedRuntime runtime = options.open()) {
      String chosen = Options.project(runtime.workspace(), project);
      OverviewReport report = runtime.overview(chosen, period(Instant.now()));
      if (format == Format.json) {
        out.println(AlertJson.write(report));
      } else {
        print(out, report);
      }
    }
    return ExitCodes.OK;
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
