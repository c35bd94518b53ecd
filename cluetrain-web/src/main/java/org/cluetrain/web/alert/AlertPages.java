package org.cluetrain.web.alert;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.cluetrain.alert.Alert;
import org.cluetrain.alert.AlertRule;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.alert.Explanation;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.TimeArguments;
import org.cluetrain.app.alert.BacktestReport;
import org.cluetrain.app.workspace.WorkspaceException;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.detect.DetectorKind;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;
import org.cluetrain.web.page.Messages;
import org.cluetrain.web.page.PageContext;
import org.cluetrain.web.page.Templates;
import org.cluetrain.web.threads.ThreadLinks;

/**
 * The alerts page of a project, {@code /p/{project}/alerts}: its alerts, newest first, with their
 * explanations, acknowledgements and deliveries; the rules in force; and a backtest of rules
 * written in the workspace's format, which never changes the workspace.
 */
public final class AlertPages {
  private static final int LIMIT = 50;
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

  private final EmbeddedRuntime runtime;

  private AlertPages(EmbeddedRuntime runtime) {
    this.runtime = runtime;
  }

  /** Adds the page's routes to the app. */
  public static void register(Javalin app, EmbeddedRuntime runtime) {
    AlertPages pages = new AlertPages(runtime);
    app.get("/p/{project}/alerts", pages::page, Access.VIEWER);
    app.post("/p/{project}/alerts/{id}/ack", pages::acknowledge, Access.ANALYST);
    app.post("/p/{project}/alerts/backtest", pages::backtest, Access.ANALYST);
  }

  /** What the backtest form holds and, once run, what it found or what was wrong. */
  public record Backtest(
      String rules,
      String since,
      String until,
      BacktestReport report,
      List<String> problems,
      Map<String, String> errors) {}

  private void page(Context ctx) {
    String project = project(ctx);
    String since = Objects.requireNonNullElse(ctx.queryParam("since"), "");
    String until = Objects.requireNonNullElse(ctx.queryParam("until"), "");
    render(
        ctx,
        project,
        new Backtest(
            yaml(runtime.alerts().rules(project)), since, until, null, List.of(), Map.of()));
  }

  private void acknowledge(Context ctx) {
    String project = project(ctx);
    String id = ctx.pathParam("id");
    AlertStore.StoredAlert stored =
        runtime
            .alerts()
            .store()
            .get(id)
            .filter(s -> s.alert().project().equals(project))
            .orElseThrow(
                () ->
                    new NotFoundResponse("no alert '" + id + "' in the project '" + project + "'"));
    // who acknowledged is the signed-in person, never what the form claims
    runtime.alerts().acknowledge(stored.alert().id(), Authentication.requireAccount(ctx).name());
    String open = "true".equals(ctx.formParam("open")) ? "?open=true" : "";
    ctx.redirect("/p/" + project + "/alerts" + open + "#alert-" + stored.alert().id());
  }

  private void backtest(Context ctx) {
    String project = project(ctx);
    String text = Objects.requireNonNullElse(ctx.formParam("rules"), "");
    String sinceText = Objects.requireNonNullElse(ctx.formParam("since"), "").strip();
    String untilText = Objects.requireNonNullElse(ctx.formParam("until"), "").strip();
    PageContext page = Authentication.page(ctx, project, "alerts");
    Map<String, String> errors = new LinkedHashMap<>();
    Instant now = Instant.now();
    Instant since = instant(sinceText, now, "since", errors, page);
    Instant until = instant(untilText, now, "until", errors, page);
    List<AlertRule> rules = null;
    List<String> problems = List.of();
    if (text.isBlank()) {
      errors.put("rules", page.t().get("alerts.error.no_rules"));
    } else {
      try {
        rules = WorkspaceReader.alertRules("rules", text, runtime.workspace(), project);
      } catch (WorkspaceException e) {
        problems = e.problems();
      }
    }
    BacktestReport report = null;
    if (rules != null && errors.isEmpty()) {
      try {
        report = runtime.alerts().backtest(project, since, until, rules);
      } catch (IllegalArgumentException e) {
        errors.put("period", e.getMessage());
      }
    }
    render(ctx, project, new Backtest(text, sinceText, untilText, report, problems, errors));
  }

  private void render(Context ctx, String project, Backtest backtest) {
    boolean open = "true".equals(ctx.queryParam("open"));
    List<AlertStore.StoredAlert> alerts = runtime.alerts().store().list(project, open, LIMIT);
    Map<String, String> postLinks = new HashMap<>();
    alerts.forEach(a -> links(a.alert(), postLinks));
    if (backtest.report() != null) {
      backtest.report().alerts().forEach(a -> links(a, postLinks));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("page", Authentication.page(ctx, project, "alerts"));
    model.put("alerts", alerts);
    model.put("open", open);
    model.put("limit", LIMIT);
    model.put("rules", runtime.alerts().rules(project));
    model.put("backtest", backtest);
    model.put("postLinks", postLinks);
    Templates.page(ctx, "alert/alerts.jte", model);
  }

  /** The thread page of each example post that is still stored (one lookup per example). */
  private void links(Alert alert, Map<String, String> links) {
    for (Explanation.ExamplePost example : alert.explanation().examples()) {
      if (!links.containsKey(example.id())) {
        runtime
            .store()
            .get(example.id())
            .ifPresent(
                p -> links.put(example.id(), ThreadLinks.path(p.post().threadId(), p.post().id())));
      }
    }
  }

  private static Instant instant(
      String text, Instant now, String field, Map<String, String> errors, PageContext page) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return TimeArguments.parse(text, now);
    } catch (DateTimeParseException | IllegalArgumentException e) {
      errors.put(field, page.t().get("alerts.error.time", text, e.getMessage()));
      return null;
    }
  }

  private String project(Context ctx) {
    return Authentication.pathProject(ctx, runtime);
  }

  /** A measured figure for people: whole numbers as such, others with at most two decimals. */
  public static String figure(Messages t, double value) {
    NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag(t.language()));
    format.setMaximumFractionDigits(2);
    return format.format(value);
  }

  /** A link to the mentions of the alert's query, narrowed to a word unless it is empty. */
  public static String mentions(Alert alert, String text) {
    return "/p/"
        + alert.project()
        + "/mentions?query="
        + URLEncoder.encode(alert.queryName(), StandardCharsets.UTF_8)
        + (text.isEmpty() ? "" : "&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
  }

  /** The rules in the workspace's YAML format, every setting spelled out. */
  static String yaml(List<AlertRule> rules) {
    if (rules.isEmpty()) {
      return "rules: []\n";
    }
    StringBuilder out = new StringBuilder("rules:\n");
    for (AlertRule rule : rules) {
      out.append("  - name: ").append(scalar(rule.name())).append('\n');
      line(out, "detector", rule.detector().label());
      if (rule.query() != null) {
        line(out, "query", scalar(rule.query()));
      }
      if (rule.sentiment() != null) {
        line(out, "sentiment", rule.sentiment());
      }
      line(out, "sensitivity", rule.sensitivity().label());
      line(out, "min-volume", String.valueOf(rule.minVolume()));
      line(out, "min-ratio", String.valueOf(rule.minRatio()));
      line(out, "window", AlertRule.human(rule.window()));
      line(out, "baseline", AlertRule.human(rule.baseline()));
      line(out, "min-history", AlertRule.human(rule.minHistory()));
      line(out, "cooldown", AlertRule.human(rule.cooldown()));
      line(out, "recipients", list(rule.recipients()));
      if (rule.detector() == DetectorKind.SPILLOVER && !rule.newsSites().isEmpty()) {
        line(out, "news-sites", list(rule.newsSites().stream().sorted().toList()));
      }
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String key, String value) {
    out.append("    ").append(key).append(": ").append(value).append('\n');
  }

  private static String list(List<String> values) {
    return "[" + String.join(", ", values.stream().map(AlertPages::scalar).toList()) + "]";
  }

  private static String scalar(String value) {
    if (PLAIN.matcher(value).matches()) {
      return value;
    }
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
