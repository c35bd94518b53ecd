package org.cluetrain.web.report;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.report.Period;
import org.cluetrain.report.Report;
import org.cluetrain.report.ReportDefinition;
import org.cluetrain.store.ThreadSummary;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;
import org.cluetrain.web.page.PageContext;
import org.cluetrain.web.page.Templates;

/**
 * A project's reports: {@code /p/{project}/reports} lists its definitions and the reports sent,
 * {@code /p/{project}/reports/{report}} shows one for a period, {@code …/pdf} and {@code …/html}
 * download it; the API answers the same as JSON, HTML or PDF.
 *
 * <p>The period is {@code at} (a day in it), or {@code since} and {@code until} (days, until
 * exclusive); without them, the last whole period before today, or the one with the latest post.
 */
public final class ReportPages {
  /** The API route of one report, as the OpenAPI description names it. */
  public static final String API_REPORT = "/api/projects/{project}/reports/{report}";

  public static final String API_LIST = "/api/projects/{project}/reports";

  private final EmbeddedRuntime runtime;
  private final Clock clock;

  private ReportPages(EmbeddedRuntime runtime, Clock clock) {
    this.runtime = runtime;
    this.clock = clock;
  }

  public static void register(Javalin app, EmbeddedRuntime runtime) {
    ReportPages pages = new ReportPages(runtime, Clock.systemUTC());
    app.get("/p/{project}/reports", pages::list, Access.VIEWER);
    app.get("/p/{project}/reports/{report}", pages::page, Access.VIEWER);
    app.get("/p/{project}/reports/{report}/pdf", pages::pdf, Access.VIEWER);
    app.get("/p/{project}/reports/{report}/html", pages::html, Access.VIEWER);
    app.get(API_LIST, pages::definitions, Access.VIEWER);
    app.get(API_REPORT, pages::api, Access.VIEWER);
  }

  private Workspace.Project project(Context ctx) {
    String name = Authentication.pathProject(ctx, runtime);
    return runtime.workspace().project(name).orElseThrow(NotFoundResponse::new);
  }

  private ReportDefinition definition(Context ctx, Workspace.Project project) {
    String name = ctx.pathParam("report");
    return project
        .report(name)
        .orElseThrow(
            () ->
                new NotFoundResponse(
                    "project '" + project.name() + "' defines no report '" + name + "'"));
  }

  private Report report(Context ctx) {
    Workspace.Project project = project(ctx);
    ReportDefinition definition = definition(ctx, project);
    Period period;
    try {
      period = period(ctx, project.name(), definition);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
    return runtime.report(project.name(), definition, period);
  }

  /** The period a request asks for; the message names the parameter that is wrong. */
  Period period(Context ctx, String project, ReportDefinition definition) {
    List<ThreadSummary> latest = runtime.rollups().threads(project, 1);
    return definition
        .period()
        .choose(
            day(ctx, "at"),
            day(ctx, "since"),
            day(ctx, "until"),
            LocalDate.now(clock.withZone(ZoneOffset.UTC)),
            latest.isEmpty() ? null : LocalDate.ofInstant(latest.get(0).last(), ZoneOffset.UTC));
  }

  private static LocalDate day(Context ctx, String parameter) {
    String text = ctx.queryParam(parameter);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          parameter + " must be a day such as 2026-11-10, was '" + text + "'", e);
    }
  }

  private void list(Context ctx) {
    Workspace.Project project = project(ctx);
    PageContext page = Authentication.page(ctx, project.name(), "reports");
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("definitions", project.reports());
    Templates.page(ctx, "report/list.jte", model);
  }

  private void page(Context ctx) {
    Report report = report(ctx);
    PageContext page = Authentication.page(ctx, report.project(), "reports");
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("view", new ReportView(report));
    model.put("query", query(report.period()));
    Templates.page(ctx, "report/page.jte", model);
  }

  private void pdf(Context ctx) {
    Report report = report(ctx);
    send(ctx, report, "pdf", "application/pdf", ReportDocument.pdf(report));
  }

  private void html(Context ctx) {
    Report report = report(ctx);
    send(
        ctx,
        report,
        "html",
        "text/html; charset=utf-8",
        ReportDocument.html(report).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private void definitions(Context ctx) {
    ctx.json(project(ctx).reports());
  }

  private void api(Context ctx) {
    String format = ctx.queryParam("format");
    format = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
    if (!List.of("json", "html", "pdf").contains(format)) {
      throw new BadRequestResponse("format must be json, html or pdf, was '" + format + "'");
    }
    Report report = report(ctx);
    switch (format) {
      case "pdf" -> send(ctx, report, "pdf", "application/pdf", ReportDocument.pdf(report));
      case "html" ->
          send(
              ctx,
              report,
              "html",
              "text/html; charset=utf-8",
              ReportDocument.html(report).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      default -> ctx.json(report);
    }
  }

  private static void send(Context ctx, Report report, String extension, String type, byte[] body) {
    ctx.contentType(type);
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"" + fileName(report) + "." + extension + "\"");
    ctx.result(body);
  }

  /** {@code nordlicht-monatsbericht-2026-11-01}: project, report and first day. */
  public static String fileName(Report report) {
    return report.project() + "-" + report.definition().name() + "-" + report.period().firstDate();
  }

  /** The query string that selects a report's period again. */
  static String query(Period period) {
    return "since=" + period.firstDate() + "&until=" + period.lastDate().plusDays(1);
  }
}
