package org.cluetrain.web.overview;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.report.OverviewReport;
import org.cluetrain.report.Period;
import org.cluetrain.store.ThreadSummary;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;
import org.cluetrain.web.page.PageContext;
import org.cluetrain.web.page.Templates;

/** A project's overview: {@code /p/{project}} for people, its figures as JSON for scripts. */
final class OverviewPages {
  private final EmbeddedRuntime runtime;

  private OverviewPages(EmbeddedRuntime runtime) {
    this.runtime = runtime;
  }

  static void register(Javalin app, EmbeddedRuntime runtime) {
    OverviewPages pages = new OverviewPages(runtime);
    app.get("/p/{project}", pages::page, Access.VIEWER);
    app.get("/api/projects/{project}/overview", pages::json, Access.VIEWER);
  }

  /** The project named in the path, if it exists and this person may see it. */
  static String project(Context ctx, EmbeddedRuntime runtime) {
    return Authentication.pathProject(ctx, runtime);
  }

  private Instant latest(String project) {
    List<ThreadSummary> threads = runtime.rollups().threads(project, 1);
    return threads.isEmpty() ? null : threads.get(0).last();
  }

  private void json(Context ctx) {
    String project = project(ctx, runtime);
    Period period;
    try {
      period = period(ctx, project);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
    ctx.json(runtime.overview(project, period));
  }

  private Period period(Context ctx, String project) {
    return Periods.of(
        ctx.queryParam("days"),
        ctx.queryParam("since"),
        ctx.queryParam("until"),
        Instant.now(),
        latest(project));
  }

  private void page(Context ctx) {
    String project = project(ctx, runtime);
    PageContext page = Authentication.page(ctx, project, "overview");
    String error = null;
    Period period;
    try {
      period = period(ctx, project);
    } catch (IllegalArgumentException e) {
      error = e.getMessage();
      period = Periods.of(null, null, null, Instant.now(), latest(project));
      ctx.status(400);
    }
    OverviewReport report = runtime.overview(project, period);
    OverviewCharts charts = new OverviewCharts(report, page.t());
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("report", report);
    model.put("error", error);
    model.put("since", ctx.queryParam("since"));
    model.put("until", ctx.queryParam("until"));
    model.put("volume", charts.volume());
    model.put("sentiment", charts.sentiment());
    model.put("share", charts.shareOfVoice());
    model.put("sources", charts.topSources());
    Templates.page(ctx, "overview/overview.jte", model);
  }
}
