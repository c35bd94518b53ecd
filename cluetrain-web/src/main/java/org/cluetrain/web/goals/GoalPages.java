package org.cluetrain.web.goals;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.goal.Goals;
import org.cluetrain.report.goal.Goal;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;
import org.cluetrain.web.page.PageContext;
import org.cluetrain.web.page.Templates;

/**
 * A project's goals: {@code /p/{project}/goals} lists them with where each stands, {@code
 * /p/{project}/goals/{goal}} shows one with its check-ins, trend and forecast explained; the same
 * as JSON under {@code /api/projects/{project}/goals}.
 */
public final class GoalPages {
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
    Templates.page(ctx, "goals/goal.jte", model);
  }

  private void listJson(Context ctx) {
    String project = Authentication.pathProject(ctx, runtime);
    Goals goals = runtime.goals();
    ctx.json(
        Map.of(
            "project",
            project,
            "goals",
            goals.of(project).stream().map(g -> Goals.json(goals.progress(g), false)).toList()));
  }

  private void showJson(Context ctx) {
    String project = Authentication.pathProject(ctx, runtime);
    Goals goals = runtime.goals();
    ctx.json(Goals.json(goals.progress(goal(ctx, project, goals)), true));
  }
}
