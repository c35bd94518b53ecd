package org.cluetrain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cluetrain retention run [--dry-run] [-p PROJECT]}: removes what the workspace keeps no
 * longer, with or without a running server (which then does the work, as for {@code import}).
 */
@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description =
        "Retention: remove posts and closed inbox items kept as long as the workspace says (counts"
            + " stay, texts go).",
    subcommands = {RetentionCommand.Run.class})
final class RetentionCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description =
          "Remove what has expired now, and print what was removed per project and source; the"
              + " server also does this when it starts and daily.")
  static final class Run implements Callable<Integer> {
    @Mixin Options options;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--dry-run", description = "Only say what would be removed.")
    boolean dryRun;

    @Option(
        names = {"-p", "--project"},
        paramLabel = "PROJECT",
        description = "Only this project (default: every project).")
    String project;

    @Override
    public Integer call() throws Exception {
      JsonNode report;
      try (EmbeddedRuntime runtime = options.open()) {
        report =
            Json.snakeCase()
                .valueToTree(runtime.retention().run(dryRun, project, "command line").json());
      } catch (EmbeddedRuntime.InUseException inUse) {
        String query =
            "/api/retention/run?dry_run="
                + dryRun
                + (project == null ? "" : "&project=" + ServerClient.encode(project));
        report = ServerClient.holding(inUse).post(query);
      }
      print(report, spec.commandLine().getOut());
      return ExitCodes.OK;
    }
  }

  /** Prints a report as {@code POST /api/retention/run} answers it. */
  static void print(JsonNode report, PrintWriter out) {
    boolean dry = report.path("dry_run").asBoolean();
    String removed = dry ? "would be removed" : "removed";
    out.printf(
        "Retention %s at %s%n",
        dry ? "dry run (nothing is removed)" : "run", report.path("at").asText());
    for (JsonNode project : report.path("projects")) {
      out.printf("%s%n", project.path("project").asText());
      for (JsonNode source : project.path("sources")) {
        String retention = source.path("retention").asText();
        out.printf(
            "  %-50s %-14s %8d posts %s%n",
            source.path("source_id").asText(),
            "forever".equals(retention)
                ? "keep forever"
                : retention + " (" + source.path("basis").asText() + ")",
            source.path("posts").asLong(),
            removed);
      }
      String inbox = project.path("inbox_closed").asText();
      out.printf(
          "  %-50s %-14s %8d items %s%n",
          "inbox items after closing",
          "forever".equals(inbox) ? "keep forever" : inbox,
          project.path("inbox_items").asLong(),
          removed);
    }
    out.printf(
        "%d posts and %d inbox items %s%n",
        report.path("posts").asLong(), report.path("inbox_items").asLong(), removed);
  }
}
