package org.cluetrain.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cluetrain.alert.Alert;
import org.cluetrain.alert.AlertRule;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.alert.AlertText;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.TimeArguments;
import org.cluetrain.app.alert.AlertJson;
import org.cluetrain.app.alert.BacktestReport;
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
      try (EmbeddedRuntime runtime = options.open()) {
        String chosen = Options.project(runtime.workspace(), project);
        Instant now = Instant.now();
        List<AlertRule> rules = runtime.alerts().rules(chosen);
        if (onlyRules != null) {
          for (String name : onlyRules) {
            if (rules.stream().noneMatch(r -> r.name().equals(name))) {
              throw new IllegalArgumentException(
                  "no rule '"
                      + name
                      + "' in project "
                      + chosen
                      + "; it has "
                      + rules.stream().map(AlertRule::name).toList());
            }
          }
          rules = rules.stream().filter(r -> onlyRules.contains(r.name())).toList();
        }
        BacktestReport report =
            runtime
                .alerts()
                .backtest(
                    chosen,
                    since == null ? null : TimeArguments.parse(since, now),
                    until == null ? null : TimeArguments.parse(until, now),
                    rules);
        if (format == Format.json) {
          Map<String, Object> json = new LinkedHashMap<>();
          json.put("project", report.project());
          json.put("since", report.since());
          json.put("until", report.until());
          json.put("replayed_from", report.replayedFrom());
          json.put("posts", report.posts());
          json.put("rules", report.rules().stream().map(AlertRule::name).toList());
          json.put("engine", report.engine());
          json.put("alerts", report.alerts().stream().map(AlertJson::of).toList());
          out.println(AlertJson.write(json));
        } else {
          out.printf(
              "Backtest of %s: %d rules, %s – %s, %,d posts replayed (history from %s)%n",
              report.project(),
              report.rules().size(),
              TIME.format(report.since()),
              TIME.format(report.until()),
              report.posts(),
              TIME.format(report.replayedFrom()));
          out.printf(
              "%d alerts (%,d tests run, %,d held back by cooldowns)%n%n",
              report.alerts().size(),
              report.engine().evaluations(),
              report.engine().suppressedByCooldown());
          for (Alert alert : report.alerts()) {
            out.println(AlertText.render(alert));
          }
        }
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
      try (EmbeddedRuntime runtime = options.open()) {
        if (project != null) {
          Options.project(runtime.workspace(), project);
        }
        List<AlertStore.StoredAlert> alerts = runtime.alerts().store().list(project, open, limit);
        if (format == Format.json) {
          out.println(AlertJson.write(alerts.stream().map(AlertsCommand::json).toList()));
          return ExitCodes.OK;
        }
        if (alerts.isEmpty()) {
          out.println(open ? "No open alerts." : "No alerts.");
        }
        for (AlertStore.StoredAlert stored : alerts) {
          out.print(AlertText.render(stored.alert()));
          out.println(
              stored.acknowledged()
                  ? "  acknowledged by "
                      + stored.acknowledgedBy()
                      + " at "
                      + TIME.format(stored.acknowledgedAt())
                  : "  open: cluetrain alerts ack " + stored.alert().id());
          for (AlertStore.Delivery delivery : stored.deliveries()) {
            out.printf(
                "  delivery to %s: %s after %d attempts%s%n",
                delivery.destination(),
                delivery.state().name().toLowerCase(Locale.ROOT),
                delivery.attempts(),
                delivery.lastError() == null ? "" : " (" + delivery.lastError() + ")");
          }
          out.println();
        }
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
      try (EmbeddedRuntime runtime = options.open()) {
        String who = by != null ? by : System.getProperty("user.name", "unknown");
        AlertStore.StoredAlert stored =
            runtime
                .alerts()
                .acknowledge(id, who)
                .orElseThrow(() -> new IllegalArgumentException("no alert with id " + id));
        out.printf(
            "Alert %s acknowledged by %s at %s%n",
            id, stored.acknowledgedBy(), TIME.format(stored.acknowledgedAt()));
      }
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
      try (EmbeddedRuntime runtime = options.open()) {
        List<AlertRule> rules =
            project == null
                ? runtime.alerts().rules()
                : runtime.alerts().rules(Options.project(runtime.workspace(), project));
        for (AlertRule rule : rules) {
          out.printf(
              "%s/%s: %s on %s%s, sensitivity %s, min-volume %d, min-ratio %s, window %s,"
                  + " baseline %s, min-history %s, cooldown %s, recipients %s%n",
              rule.project(),
              rule.name(),
              rule.detector(),
              rule.query() == null ? "every query" : "query " + rule.query(),
              rule.sentiment() == null ? "" : " (" + rule.sentiment() + " posts)",
              rule.sensitivity().label(),
              rule.minVolume(),
              rule.minRatio(),
              AlertRule.human(rule.window()),
              AlertRule.human(rule.baseline()),
              AlertRule.human(rule.minHistory()),
              AlertRule.human(rule.cooldown()),
              rule.recipients().isEmpty() ? "none (stored and listed)" : rule.recipients());
        }
      }
      return ExitCodes.OK;
    }
  }

  static Map<String, Object> json(AlertStore.StoredAlert stored) {
    Map<String, Object> json = AlertJson.of(stored.alert());
    json.put("acknowledged_at", stored.acknowledgedAt());
    json.put("acknowledged_by", stored.acknowledgedBy());
    json.put("deliveries", stored.deliveries());
    return json;
  }
}
