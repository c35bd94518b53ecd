package org.cluetrain.web.goals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.goal.Goals;
import org.cluetrain.app.workspace.GoalValues;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.json.Json;
import org.cluetrain.report.goal.Goal;
import org.cluetrain.report.goal.GoalStore;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;
import org.cluetrain.web.page.PageContext;
import org.cluetrain.web.page.Templates;
import org.jspecify.annotations.Nullable;

/**
 * A project's goals: {@code /p/{project}/goals} lists them with where each stands, {@code
 * /p/{project}/goals/{goal}} shows one with its check-ins, trend and forecast explained; the same
 * as JSON under {@code /api/projects/{project}/goals}.
 */
public final class GoalPages {
  private static final ObjectMapper JSON = Json.mapper();
  private final EmbeddedRuntime runtime;

  private GoalPages(EmbeddedRuntime runtime) {
    this.runtime = runtime;
  }

  public static void register(Javalin app, EmbeddedRuntime runtime) {
    GoalPages pages = new GoalPages(runtime);
    app.get("/p/{project}/goals", pages::list, Access.VIEWER);
    app.get("/p/{project}/goals/{goal}", pages::show, Access.VIEWER);
    app.get("/api/projects/{project}/goals", pages::listJson, Access.VIEWER);
    app.get("/api/projects/{project}/goals/{goal}", pages::showJson, Access.VIEWER);
    app.post("/api/projects/{project}/goals", pages::createJson, Access.ANALYST);
    app.put("/api/projects/{project}/goals/{goal}", pages::changeJson, Access.ANALYST);
  }

  private Goal goal(Context ctx, String project, Goals goals) {
    String name = ctx.pathParam("goal");
    return goals
        .find(project, name)
        .orElseThrow(
            () -> new NotFoundResponse("no goal '" + name + "' in project '" + project + "'"));
  }

  private void list(Context ctx) {
    String project = Authentication.pathProject(ctx, runtime);
    PageContext page = Authentication.page(ctx, project, "goals");
    Goals goals = runtime.goals();
    List<GoalView> views =
        goals.of(project).stream().map(g -> new GoalView(goals.progress(g), page.t())).toList();
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("goals", views);
    Templates.page(ctx, "goals/list.jte", model);
  }

  private void show(Context ctx) {
    String project = Authentication.pathProject(ctx, runtime);
    PageContext page = Authentication.page(ctx, project, "goals");
    Goals goals = runtime.goals();
    Goal goal = goal(ctx, project, goals);
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("view", new GoalView(goals.progress(goal), page.t()));
    model.put("history", history(goals, project, goal.name()));
    Templates.page(ctx, "goals/goal.jte", model);
  }

  /**
   * One version of a goal as its page lists it.
   *
   * @param changed the fields that changed from the version before, by their names in the API
   */
  public record HistoryRow(int version, String editedBy, Instant edited, List<String> changed) {}

  /** A goal's versions, newest first. */
  private static List<HistoryRow> history(Goals goals, String project, String name) {
    List<HistoryRow> rows = new ArrayList<>();
    for (Map<String, Object> version : goals.historyJson(project, name)) {
      @SuppressWarnings("unchecked")
      List<String> changed = (List<String>) version.get("changed");
      rows.add(
          new HistoryRow(
              (Integer) version.get("version"),
              (String) version.get("edited_by"),
              Instant.parse((String) version.get("edited")),
              changed));
    }
    return rows;
  }

  private void listJson(Context ctx) {
    String project = Authentication.pathProject(ctx, runtime);
    Goals goals = runtime.goals();
    ctx.json(
        Map.of(
            "project",
            project,
            "goals",
            goals.entries(project).stream().map(e -> json(goals, e, false)).toList()));
  }

  private void showJson(Context ctx) {
    String project = Authentication.pathProject(ctx, runtime);
    Goals goals = runtime.goals();
    Goals.Entry entry = entry(ctx, project, goals);
    Map<String, Object> json = json(goals, entry, true);
    json.put("history", goals.historyJson(project, entry.goal().name()));
    ctx.json(json);
  }

  private static Map<String, Object> json(Goals goals, Goals.Entry entry, boolean points) {
    Map<String, Object> json = Goals.json(goals.progress(entry.goal()), points);
    json.put("origin", entry.origin().key());
    GoalStore.Version version = entry.version();
    if (version != null) {
      json.put("version", version.number());
      json.put("edited_by", version.editedBy());
      json.put("edited", version.edited().toString());
    }
    return json;
  }

  private Goals.Entry entry(Context ctx, String project, Goals goals) {
    String name = ctx.pathParam("goal");
    return goals
        .entry(project, name)
        .orElseThrow(
            () -> new NotFoundResponse("no goal '" + name + "' in project '" + project + "'"));
  }

  /** {@code POST}: a new goal, named in the body; 409 when the project has one of that name. */
  private void createJson(Context ctx) {
    String project = Authentication.pathProject(ctx, runtime);
    Map<String, String> fields = fields(ctx);
    if (fields == null) {
      return;
    }
    Goals goals = runtime.goals();
    String name = fields.getOrDefault("name", "");
    if (goals.entry(project, name).isPresent()) {
      error(
          ctx,
          HttpStatus.CONFLICT,
          "name",
          name,
          "project '" + project + "' has a goal '" + name + "' already; change it with PUT");
      return;
    }
    save(ctx, project, fields, goals, HttpStatus.CREATED, "goal added");
  }

  /** {@code PUT}: a goal's next version; the goal's name is the path's. */
  private void changeJson(Context ctx) {
    String project = Authentication.pathProject(ctx, runtime);
    Goals goals = runtime.goals();
    String name = entry(ctx, project, goals).goal().name();
    Map<String, String> fields = fields(ctx);
    if (fields == null) {
      return;
    }
    fields.put("name", name);
    save(ctx, project, fields, goals, HttpStatus.OK, "goal changed");
  }

  private void save(
      Context ctx,
      String project,
      Map<String, String> fields,
      Goals goals,
      HttpStatus status,
      String detail) {
    Goal goal;
    try {
      goal = GoalValues.goal(project, fields);
    } catch (GoalValues.Refused refused) {
      List<Map<String, String>> errors = new ArrayList<>();
      for (GoalValues.Refusal r : refused.refusals()) {
        errors.add(Map.of("field", r.field(), "value", r.value(), "message", r.message()));
      }
      GoalValues.Refusal first = refused.refusals().get(0);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("error", refused.getMessage());
      json.put("field", first.field());
      json.put("value", first.value());
      json.put("errors", errors);
      ctx.status(HttpStatus.BAD_REQUEST).json(json);
      return;
    }
    goals.save(goal, Authentication.requireAccount(ctx).name());
    Authentication.audit(ctx, AuditKind.CONFIGURATION_CHANGED, project + "/" + goal.name(), detail);
    Goals.Entry entry = goals.entry(project, goal.name()).orElseThrow();
    Map<String, Object> json = json(goals, entry, true);
    json.put("history", goals.historyJson(project, goal.name()));
    ctx.status(status).json(json);
  }

  /**
   * The body's fields as text (a target may be a JSON number), or null after answering 400 when the
   * body is not a JSON object.
   */
  private static @Nullable Map<String, String> fields(Context ctx) {
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (IOException e) {
      body = null;
    }
    if (body == null || !body.isObject()) {
      error(ctx, HttpStatus.BAD_REQUEST, "body", "", "the body must be a JSON object");
      return null;
    }
    Map<String, String> fields = new HashMap<>();
    body.fields()
        .forEachRemaining(
            f -> {
              if (f.getValue().isValueNode() && !f.getValue().isNull()) {
                fields.put(f.getKey(), f.getValue().asText());
              }
            });
    return fields;
  }

  private static void error(
      Context ctx, HttpStatus status, String field, String value, String message) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("error", message);
    json.put("field", field);
    json.put("value", value);
    ctx.status(status).json(json);
  }
}
