package org.cluetrain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.goal.Goals;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.json.Json;
import org.cluetrain.report.goal.Goal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cluetrain goals list [-p PROJECT]} and {@code cluetrain goals show -p PROJECT GOAL}: where
 * the workspace's goals stand, measured from the local data or asked of the server that holds it.
 */
@Command(
    name = "goals",
    mixinStandardHelpOptions = true,
    description = "Goals: where each stands against its target, and the forecast at this pace.",
    subcommands = {GoalsCommand.ListGoals.class, GoalsCommand.Show.class})
final class GoalsCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Every goal of a project (or of every project) with baseline, target, status.")
  static final class ListGoals implements Callable<Integer> {
    @Mixin Options options;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-p", "--project"},
        paramLabel = "PROJECT",
        description = "Only this project (default: every project).")
    String project;

    @Override
    public Integer call() throws Exception {
      List<JsonNode> projects = new ArrayList<>();
      try (EmbeddedRuntime runtime = options.open()) {
        Goals goals = runtime.goals();
        for (Workspace.Project p : runtime.workspace().projects()) {
          if (project == null || project.equals(p.name())) {
            List<Object> list = new ArrayList<>();
            for (Goal goal : goals.of(p.name())) {
              list.add(Goals.json(goals.progress(goal), false));
            }
            projects.add(
                Json.snakeCase().valueToTree(java.util.Map.of("project", p.name(), "goals", list)));
          }
        }
        if (project != null && projects.isEmpty()) {
          throw new IllegalArgumentException("no project '" + project + "' in the workspace");
        }
      } catch (EmbeddedRuntime.InUseException inUse) {
        ServerClient server = ServerClient.holding(inUse);
        List<String> names = new ArrayList<>();
        if (project != null) {
          names.add(project);
        } else {
          server.get("/api/projects").forEach(p -> names.add(p.path("name").asText()));
        }
        for (String name : names) {
          projects.add(server.get("/api/projects/" + ServerClient.encode(name) + "/goals"));
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      for (JsonNode p : projects) {
        out.printf("%s%n", p.path("project").asText());
        if (p.path("goals").isEmpty()) {
          out.printf("  no goals%n");
        }
        for (JsonNode goal : p.path("goals")) {
          out.printf(
              "  %-24s %-16s baseline %-9s latest %-9s target %-9s forecast %-9s %s%n",
              goal.path("name").asText(),
              goal.path("kpi").asText(),
              value(goal, goal.path("baseline")),
              value(goal, goal.path("latest")),
              value(goal, goal.path("target")),
              value(goal, goal.path("forecast")),
              status(goal));
        }
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "One goal: its check-ins, the least-squares trend and where it leads.")
  static final class Show implements Callable<Integer> {
    @Mixin Options options;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-p", "--project"},
        paramLabel = "PROJECT",
        required = true,
        description = "The goal's project.")
    String project;

    @Parameters(paramLabel = "GOAL", description = "The goal's name.")
    String name;

    @Override
    public Integer call() throws Exception {
      JsonNode goal;
      try (EmbeddedRuntime runtime = options.open()) {
        Goals goals = runtime.goals();
        Goal found =
            goals
                .find(project, name)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "no goal '" + name + "' in project '" + project + "'"));
        goal = Json.snakeCase().valueToTree(Goals.json(goals.progress(found), true));
      } catch (EmbeddedRuntime.InUseException inUse) {
        goal =
            ServerClient.holding(inUse)
                .get(
                    "/api/projects/"
                        + ServerClient.encode(project)
                        + "/goals/"
                        + ServerClient.encode(name));
      }
      print(goal, spec.commandLine().getOut());
      return ExitCodes.OK;
    }
  }

  /** Prints one goal as {@code GET /api/projects/{project}/goals/{goal}} answers it. */
  static void print(JsonNode goal, PrintWriter out) {
    out.printf("%s / %s%n", goal.path("project").asText(), goal.path("name").asText());
    out.printf(
        "  KPI       %s (%s is better)%n",
        goal.path("kpi").asText(), goal.path("higher_is_better").asBoolean() ? "higher" : "lower");
    out.printf(
        "  baseline  %s over %s..%s%n",
        value(goal, goal.path("baseline")),
        goal.path("baseline_period").path("from").asText(),
        goal.path("baseline_period").path("to").asText());
    out.printf("  target    %s%n", value(goal, goal.path("target")));
    out.printf(
        "  horizon   %s..%s, %s check-ins (%s measured)%n",
        goal.path("horizon").path("start").asText(),
        goal.path("horizon").path("end").asText(),
        goal.path("check_ins").asInt(),
        goal.path("measured").asInt());
    String owner = goal.path("owner").asText();
    out.printf(
        "  owner     %s, check-in %s%n",
        owner.isEmpty() ? "nobody named" : owner, goal.path("check_in").asText());
    for (JsonNode point : goal.path("points")) {
      out.printf(
          "  %s..%s  %s%n",
          point.path("start").asText(),
          java.time.LocalDate.parse(point.path("end").asText()).minusDays(1),
          value(goal, point.path("value")));
    }
    JsonNode trend = goal.path("trend");
    if (!trend.isNull() && !trend.isMissingNode()) {
      double slope = trend.path("slope_per_check_in").asDouble();
      out.printf(
          "  trend     %s per check-in (least squares through the check-ins)%n",
          (slope >= 0 ? "+" : "") + value(goal, trend.path("slope_per_check_in")));
      out.printf(
          "  forecast  at this pace %s by %s against a target of %s: %s%n",
          value(goal, goal.path("forecast")),
          goal.path("horizon").path("end").asText(),
          value(goal, goal.path("target")),
          status(goal));
    } else {
      out.printf("  status    %s%n", status(goal));
    }
  }

  /** A value in the goal's unit: shares in percent, counts per check-in. */
  static String value(JsonNode goal, JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "-";
    }
    double v = value.asDouble();
    return switch (goal.path("unit").asText()) {
      case "count" -> String.format(Locale.ROOT, "%.1f", v);
      case "score" -> String.format(Locale.ROOT, "%+.1f%%", v * 100);
      default -> String.format(Locale.ROOT, "%.1f%%", v * 100);
    };
  }

  private static String status(JsonNode goal) {
    return goal.path("status").asText().replace('_', ' ');
  }
}
