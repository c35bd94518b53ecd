package org.cluetrain.web.alert;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.cluetrain.alert.AlertRule;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.TimeArguments;
import org.cluetrain.app.access.AccessControl;
import org.cluetrain.app.alert.AlertJson;
import org.cluetrain.app.alert.BacktestReport;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.app.workspace.WorkspaceException;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;

/**
 * The alert routes of the HTTP API:
 *
 * <ul>
 *   <li>{@code GET /api/alerts?project=P&open=true&limit=N} — alerts, newest first, with
 *       explanation, acknowledgement and deliveries;
 *   <li>{@code GET /api/alerts/{id}} — one alert;
 *   <li>{@code POST /api/alerts/{id}/ack} — acknowledge it, in the name of the signed-in person;
 *   <li>{@code GET /api/alerts/status} — live detectors and delivery per destination (failing
 *       destinations with their last error and next attempt);
 *   <li>{@code GET /api/projects/{p}/alerts/rules} — the rules in force, defaults included;
 *   <li>{@code POST /api/projects/{p}/alerts/backtest?since=T&until=T} — replay history through the
 *       project's rules, or through the rules in the body (JSON or YAML, the workspace's format),
 *       and answer the alerts that would have fired.
 * </ul>
 *
 * Errors are JSON objects with an {@code error} message (400 for bad input, 404 for unknown ids).
 */
public final class AlertApi {
  private AlertApi() {}

  /** Adds the routes to the app. */
  public static void register(Javalin app, EmbeddedRuntime runtime) {
    app.get("/api/alerts", ctx -> list(ctx, runtime), Access.VIEWER);
    app.get("/api/alerts/status", ctx -> ctx.json(runtime.alerts().status()), Access.VIEWER);
    app.get(
        "/api/alerts/{id}",
        ctx -> ctx.json(AlertJson.of(visible(ctx, find(runtime, ctx.pathParam("id"))))),
        Access.VIEWER);
    app.post("/api/alerts/{id}/ack", ctx -> acknowledge(ctx, runtime), Access.ANALYST);
    app.get("/api/projects/{project}/alerts/rules", ctx -> rules(ctx, runtime), Access.VIEWER);
    app.post(
        "/api/projects/{project}/alerts/backtest", ctx -> backtest(ctx, runtime), Access.ANALYST);
    app.exception(
        Problem.class, (e, ctx) -> ctx.status(e.status).json(Map.of("error", e.getMessage())));
  }

  /** Refuses an alert of a project the person may not see. */
  private static AlertStore.StoredAlert visible(Context ctx, AlertStore.StoredAlert stored) {
    Authentication.requireProject(ctx, stored.alert().project());
    return stored;
  }

  private static void list(Context ctx, EmbeddedRuntime runtime) {
    String project = ctx.queryParam("project");
    if (project != null) {
      project(runtime, project);
    }
    // a person limited to some projects must name one
    Authentication.requireProject(ctx, project);
    int limit = intParam(ctx, "limit", 50, 500);
    boolean open = "true".equalsIgnoreCase(ctx.queryParam("open"));
    ctx.json(
        runtime.alerts().store().list(project, open, limit).stream().map(AlertJson::of).toList());
  }

  private static void acknowledge(Context ctx, EmbeddedRuntime runtime) {
    visible(ctx, find(runtime, ctx.pathParam("id")));
    // who acknowledged is the signed-in person, never what the request claims; only the server's
    // own command line (the operator key) acknowledges for the person who runs it, as it would
    // with no server running
    String by = Authentication.requireAccount(ctx).name();
    String onBehalf = ctx.queryParam("by");
    if (by.equals(AccessControl.OPERATOR) && onBehalf != null && !onBehalf.isBlank()) {
      by = onBehalf.strip();
    }
    String id = ctx.pathParam("id");
    AlertStore.StoredAlert stored =
        runtime.alerts().acknowledge(id, by).orElseThrow(() -> notFound("no alert with id " + id));
    ctx.json(AlertJson.of(stored));
  }

  private static void rules(Context ctx, EmbeddedRuntime runtime) {
    String project = project(runtime, ctx.pathParam("project")).name();
    Authentication.requireProject(ctx, project);
    ctx.json(runtime.alerts().rules(project).stream().map(AlertJson::of).toList());
  }

  private static void backtest(Context ctx, EmbeddedRuntime runtime) {
    String project = project(runtime, ctx.pathParam("project")).name();
    Authentication.requireProject(ctx, project);
    List<AlertRule> rules = null;
    String body = ctx.body();
    if (body != null && !body.isBlank()) {
      try {
        rules = WorkspaceReader.alertRules("request", body, runtime.workspace(), project);
      } catch (WorkspaceException e) {
        ctx.status(HttpStatus.BAD_REQUEST)
            .json(Map.of("error", e.getMessage(), "problems", e.problems()));
        return;
      }
    }
    List<String> named = ctx.queryParams("rule");
    BacktestReport report;
    try {
      if (rules == null && !named.isEmpty()) {
        rules = runtime.alerts().rules(project, named);
      }
      report =
          runtime.alerts().backtest(project, instant(ctx, "since"), instant(ctx, "until"), rules);
    } catch (IllegalArgumentException e) {
      throw badRequest(e.getMessage());
    }
    ctx.json(AlertJson.of(report));
  }

  private static AlertStore.StoredAlert find(EmbeddedRuntime runtime, String id) {
    return runtime.alerts().store().get(id).orElseThrow(() -> notFound("no alert with id " + id));
  }

  private static Workspace.Project project(EmbeddedRuntime runtime, String name) {
    return runtime
        .workspace()
        .project(name)
        .orElseThrow(
            () ->
                notFound(
                    "no project '"
                        + name
                        + "'; the workspace has "
                        + runtime.workspace().projects().stream()
                            .map(Workspace.Project::name)
                            .toList()));
  }

  private static Instant instant(Context ctx, String name) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return TimeArguments.parse(text, Instant.now());
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw badRequest(name + " '" + text + "' " + e.getMessage());
    }
  }

  private static int intParam(Context ctx, String name, int fallback, int max) {
    String text = ctx.queryParam(name);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      if (value < 1 || value > max) {
        throw badRequest(name + " must be between 1 and " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw badRequest(name + " '" + text + "' is not a number");
    }
  }

  private static Problem badRequest(String message) {
    return new Problem(HttpStatus.BAD_REQUEST, message);
  }

  private static Problem notFound(String message) {
    return new Problem(HttpStatus.NOT_FOUND, message);
  }

  /** A request these routes cannot answer as asked; becomes the status with the message. */
  static final class Problem extends RuntimeException {
    final HttpStatus status;

    Problem(HttpStatus status, String message) {
      super(message);
      this.status = status;
    }
  }
}
