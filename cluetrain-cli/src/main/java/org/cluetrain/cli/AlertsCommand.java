package org.cluetrain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cluetrain.alert.AlertRule;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.TimeArguments;
import org.cluetrain.app.alert.AlertJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cluetrain alerts …}: backtest the rules, list alerts, acknowledge one, show the rules. */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description =
        "Spike and crisis alerts: backtest the rules on stored history, list, acknowledge.",
    subcommands = {
      AlertsCommand.Backtest.class,
      AlertsCommand.ListAlerts.class,
      AlertsCommand.Acknowledge.class,
      AlertsCommand.Rules.class
    })
final class AlertsCommand implements Runnable {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** How a command prints. */
  enum Format {
    text,
    json
  }

  @Command(
      name = "backtest",
      mixinStandardHelpOptions = true,
      description = {
        "Replay stored history through a project's alert rules and print the alerts that would"
            + " have fired, with their explanations. Nothing is stored or sent.",
        "The history before --since feeds the baselines."
      })
  static final class Backtest implements Callable<Integer> {
    @Mixin Options options;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-p", "--project"},
        paramLabel = "P",
        description = "Project (default: the workspace's only project).")
    String project;

    @Option(
        names = "--since",
        paramLabel = "T",
        description =
            "Start of the period: 2015-02-17, 2015-02-17T08:00, 7d (default: 90 days"
                + " before the newest post).")
    String since;

    @Option(
        names = "--until",
        paramLabel = "T",
        description = "End of the period (default: just after the newest post).")
    String until;

    @Option(
        names = "--rule",
        paramLabel = "NAME",
        description = "Only this rule (repeatable; default: all of the project's rules).")
    List<String> onlyRules;

    @Option(
        names = "--format",
        defaultValue = "text",
        description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      JsonNode report;
      try (EmbeddedRuntime runtime = options.open()) {
        String chosen = Options.project(runtime.workspace(), project);
        Instant now = Instant.now();
        List<AlertRule> rules =
            onlyRules == null
                ? runtime.alerts().rules(chosen)
                : runtime.alerts().rules(chosen, onlyRules);
        report =
            tree(
                AlertJson.of(
                    runtime
                        .alerts()
                        .backtest(
                            chosen,
                            since == null ? null : TimeArguments.parse(since, now),
                            until == null ? null : TimeArguments.parse(until, now),
                            rules)));
      } catch (EmbeddedRuntime.InUseException inUse) {
        ServerClient server = ServerClient.holding(inUse);
        String chosen = project != null ? project : server.onlyProject("backtests");
        StringBuilder path =
            new StringBuilder("/api/projects/")
                .append(ServerClient.encode(chosen))
                .append("/alerts/backtest?");
        Instant now = Instant.now();
        if (since != null) {
          path.append("since=").append(TimeArguments.parse(since, now)).append('&');
        }
        if (until != null) {
          path.append("until=").append(TimeArguments.parse(until, now)).append('&');
        }
        for (String rule : onlyRules == null ? List.<String>of() : onlyRules) {
          path.append("rule=").append(ServerClient.encode(rule)).append('&');
        }
        report = server.post(path.toString());
      }
      if (format == Format.json) {
        out.println(AlertJson.write(report));
        return ExitCodes.OK;
      }
      out.printf(
          "Backtest of %s: %d rules, %s – %s, %,d posts replayed (history from %s)%n",
          report.path("project").asText(),
          report.path("rules").size(),
          time(report.path("since")),
          time(report.path("until")),
          report.path("posts").asLong(),
          time(report.path("replayed_from")));
      out.printf(
          "%d alerts (%,d tests run, %,d held back by cooldowns)%n%n",
          report.path("alerts").size(),
          report.path("engine").path("evaluations").asLong(),
          report.path("engine").path("suppressed_by_cooldown").asLong());
      for (JsonNode alert : report.path("alerts")) {
        out.println(alert.path("text").asText());
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the alerts raised by the live detectors, newest first.")
  static final class ListAlerts implements Callable<Integer> {
    @Mixin Options options;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-p", "--project"},
        paramLabel = "P",
        description = "Only this project.")
    String project;

    @Option(names = "--open", description = "Only alerts nobody has acknowledged.")
    boolean open;

    @Option(names = "--limit", defaultValue = "50", description = "At most N (default: 50).")
    int limit;

    @Option(names = "--format", defaultValue = "text", description = "text or json.")
    Format format;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      JsonNode alerts;
      try (EmbeddedRuntime runtime = options.open()) {
        if (project != null) {
          Options.project(runtime.workspace(), project);
        }
        alerts =
            tree(
                runtime.alerts().store().list(project, open, limit).stream()
                    .map(AlertJson::of)
                    .toList());
      } catch (EmbeddedRuntime.InUseException inUse) {
        alerts =
            ServerClient.holding(inUse)
                .get(
                    "/api/alerts?limit="
                        + limit
                        + (open ? "&open=true" : "")
                        + (project == null ? "" : "&project=" + ServerClient.encode(project)));
      }
      if (format == Format.json) {
        out.println(AlertJson.write(alerts));
        return ExitCodes.OK;
      }
      if (alerts.isEmpty()) {
        out.println(open ? "No open alerts." : "No alerts.");
      }
      for (JsonNode stored : alerts) {
        out.print(stored.path("text").asText());
        out.println(
            stored.hasNonNull("acknowledged_at")
                ? "  acknowledged by "
                    + stored.path("acknowledged_by").asText()
                    + " at "
                    + time(stored.path("acknowledged_at"))
                : "  open: cluetrain alerts ack " + stored.path("id").asText());
        for (JsonNode delivery : stored.path("deliveries")) {
          out.printf(
              "  delivery to %s: %s after %d attempts%s%n",
              delivery.path("destination").asText(),
              delivery.path("state").asText().toLowerCase(Locale.ROOT),
              delivery.path("attempts").asInt(),
              delivery.hasNonNull("last_error")
                  ? " (" + delivery.path("last_error").asText() + ")"
                  : "");
        }
        out.println();
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "ack",
      mixinStandardHelpOptions = true,
      description = "Acknowledge an alert: someone has seen it and takes care of it.")
  static final class Acknowledge implements Callable<Integer> {
    @Mixin Options options;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The alert's id (from alerts list).")
    String id;

    @Option(
        names = "--by",
        paramLabel = "NAME",
        description = "Who acknowledges it (default: the user name of this account).")
    String by;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      String who = by != null ? by : System.getProperty("user.name", "unknown");
      JsonNode stored;
      try (EmbeddedRuntime runtime = options.open()) {
        stored =
            tree(
                AlertJson.of(
                    runtime
                        .alerts()
                        .acknowledge(id, who)
                        .orElseThrow(
                            () -> new IllegalArgumentException("no alert with id " + id))));
      } catch (EmbeddedRuntime.InUseException inUse) {
        stored =
            ServerClient.holding(inUse)
                .post(
                    "/api/alerts/"
                        + ServerClient.encode(id)
                        + "/ack?by="
                        + ServerClient.encode(who));
      }
      out.printf(
          "Alert %s acknowledged by %s at %s%n",
          id, stored.path("acknowledged_by").asText(), time(stored.path("acknowledged_at")));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "rules",
      mixinStandardHelpOptions = true,
      description = "Show the alert rules in force, the defaults included.")
  static final class Rules implements Callable<Integer> {
    @Mixin Options options;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-p", "--project"},
        paramLabel = "P",
        description = "Only this project.")
    String project;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      List<JsonNode> rules = new ArrayList<>();
      try (EmbeddedRuntime runtime = options.open()) {
        (project == null
                ? runtime.alerts().rules()
                : runtime.alerts().rules(Options.project(runtime.workspace(), project)))
            .forEach(rule -> rules.add(tree(AlertJson.of(rule))));
      } catch (EmbeddedRuntime.InUseException inUse) {
        ServerClient server = ServerClient.holding(inUse);
        List<String> projects = new ArrayList<>();
        if (project != null) {
          projects.add(project);
        } else {
          server.get("/api/projects").forEach(p -> projects.add(p.path("name").asText()));
        }
        for (String name : projects) {
          server
              .get("/api/projects/" + ServerClient.encode(name) + "/alerts/rules")
              .forEach(rules::add);
        }
      }
      for (JsonNode rule : rules) {
        out.printf(
            "%s/%s: %s on %s%s, sensitivity %s, min-volume %d, min-ratio %s, window %s,"
                + " baseline %s, min-history %s, cooldown %s, recipients %s%n",
            rule.path("project").asText(),
            rule.path("name").asText(),
            rule.path("detector").asText(),
            rule.hasNonNull("query") ? "query " + rule.path("query").asText() : "every query",
            rule.hasNonNull("sentiment") ? " (" + rule.path("sentiment").asText() + " posts)" : "",
            rule.path("sensitivity").asText(),
            rule.path("min-volume").asInt(),
            rule.path("min-ratio").asText(),
            rule.path("window").asText(),
            rule.path("baseline").asText(),
            rule.path("min-history").asText(),
            rule.path("cooldown").asText(),
            rule.path("recipients").isEmpty()
                ? "none (stored and listed)"
                : AlertJson.mapper().convertValue(rule.path("recipients"), List.class));
      }
      return ExitCodes.OK;
    }
  }

  /** What the API answers, built locally: the command prints the same either way. */
  static JsonNode tree(Object json) {
    return AlertJson.mapper().valueToTree(json);
  }

  /** An ISO-8601 time from the JSON, as the command prints times. */
  static String time(JsonNode value) {
    return value == null || value.isNull() || value.isMissingNode()
        ? "?"
        : TIME.format(Instant.parse(value.asText()));
  }
}
