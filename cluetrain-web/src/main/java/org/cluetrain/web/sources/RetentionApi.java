package org.cluetrain.web.sources;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cluetrain.access.Account;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.store.RetentionLog;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;

/**
 * Retention over the API: {@code GET /api/retention} says how long each project the caller may see
 * keeps each source's posts and its closed inbox items, when retention last ran and what it removed
 * there, and when it runs next; {@code POST /api/retention/run} (admins only, {@code dry_run=true}
 * to count only, {@code project=} for one) runs it now and answers what it removed.
 */
public final class RetentionApi {
  private final EmbeddedRuntime runtime;

  private RetentionApi(EmbeddedRuntime runtime) {
    this.runtime = runtime;
  }

  public static void register(Javalin app, EmbeddedRuntime runtime) {
    RetentionApi api = new RetentionApi(runtime);
    app.get("/api/retention", api::show, Access.VIEWER);
    app.post("/api/retention/run", api::run, Access.ADMIN);
  }

  private void show(Context ctx) {
    Account account = Authentication.requireAccount(ctx);
    List<Map<String, Object>> projects = new ArrayList<>();
    for (Workspace.Project project : runtime.workspace().projects()) {
      if (!account.canSee(project.name())) {
        continue;
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("project", project.name());
      json.put("third_party", project.retention().thirdParty().toString());
      json.put("own_channels", project.retention().ownChannels().toString());
      json.put("inbox_closed", project.retention().inboxClosed().toString());
      List<Map<String, Object>> sources = new ArrayList<>();
      runtime
          .retention()
          .periods(project.name())
          .forEach(
              (sourceId, period) -> {
                Map<String, Object> source = new LinkedHashMap<>();
                source.put("source_id", sourceId);
                source.put("retention", period.period().toString());
                source.put("basis", period.basis().label());
                sources.add(source);
              });
      json.put("sources", sources);
      projects.add(json);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("projects", projects);
    json.put("last_run", lastRun(account));
    json.put("next_run", runtime.retentionSchedule().nextRun().toString());
    ctx.json(json);
  }

  /** The last run as the caller may see it: the projects they see; null when none ran. */
  private Map<String, Object> lastRun(Account account) {
    RetentionLog.Run run = runtime.retention().lastRun().orElse(null);
    if (run == null) {
      return null;
    }
    Map<String, Object> projects = new LinkedHashMap<>();
    run.projects()
        .forEach(
            (project, removed) -> {
              if (account.canSee(project)) {
                projects.put(
                    project, Map.of("posts", removed.posts(), "inbox_items", removed.inboxItems()));
              }
            });
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("at", run.at().toString());
    json.put("projects", projects);
    return json;
  }

  private void run(Context ctx) {
    Account account = Authentication.requireAccount(ctx);
    String project = ctx.queryParam("project");
    boolean dryRun = "true".equalsIgnoreCase(ctx.queryParam("dry_run"));
    try {
      ctx.json(
          runtime
              .retention()
              .run(dryRun, project == null || project.isBlank() ? null : project, account.name())
              .json());
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", e.getMessage()));
    }
  }
}
