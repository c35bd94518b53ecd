package org.cluetrain.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cluetrain.app.export.ExportFormat;

/**
 * Every route of the HTTP API in one table: method, path, what it does, its query parameters, the
 * status and media types of its answer. The OpenAPI description ({@code /api/openapi.json}) is
 * generated from it, and a test holds it to the routes the server registers, both ways.
 */
public final class ApiRoutes {
  static final String JSON = "application/json";

  private ApiRoutes() {}

  /**
   * One route of the API.
   *
   * @param method the HTTP method, upper case
   * @param path the path as the server registers it, with {@code {name}} for path parameters
   * @param summary what it does, in a line
   * @param query the query parameters it understands
   * @param status the status of a successful answer
   * @param mediaTypes the media types a successful answer may have (empty: no body)
   */
  public record Route(
      String method,
      String path,
      String summary,
      List<String> query,
      int status,
      List<String> mediaTypes) {
    private static final Pattern PARAMETER = Pattern.compile("\\{([a-z_]+)}");

    public Route {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      query = List.copyOf(query);
      mediaTypes = List.copyOf(mediaTypes);
    }

    /** The names of the path's parameters, in order. */
    public List<String> pathParameters() {
      List<String> names = new ArrayList<>();
      Matcher found = PARAMETER.matcher(path);
      while (found.find()) {
        names.add(found.group(1));
      }
      return names;
    }
  }

  private static Route get(String path, String summary, String... query) {
    return new Route("GET", path, summary, List.of(query), 200, List.of(JSON));
  }

  private static Route send(String method, String path, int status, String summary) {
    return new Route(
        method, path, summary, List.of(), status, status == 204 ? List.of() : List.of(JSON));
  }

  /** The routes, in the order the description lists them. */
  public static List<Route> all() {
    List<Route> routes = new ArrayList<>();
    routes.add(get("/api", "the API's table of contents"));
    routes.add(get("/api/openapi.json", "this description of the API (OpenAPI 3.1)"));
    routes.add(get("/api/status", "posts stored, query problems, polling"));
    routes.add(get("/api/projects", "projects with their feeds and queries"));
    routes.add(get("/api/queries", "saved queries", "project"));
    routes.add(
        get(
            "/api/queries/{project}/{name}/counts",
            "hourly match counts of a query",
            "since",
            "until"));
    routes.add(
        get(
            "/api/search",
            "search stored posts, newest first",
            "q",
            "project",
            "since",
            "until",
            "limit"));
    routes.add(get("/api/posts/{id}", "one post"));
    routes.add(
        get("/api/threads", "conversations, most recently active first", "project", "limit"));
    routes.add(get("/api/threads/{id}", "every post of a conversation, oldest first", "limit"));
    routes.add(
        get("/api/authors", "authors by posts, with the replies they drew", "project", "limit"));
    routes.add(get("/api/stats", "posts by project, source, language, kind and query", "project"));
    routes.add(get("/api/sources", "health of every polled source"));
    routes.add(send("POST", "/api/projects/{project}/labels", 201, "label a post relevant or not"));
    routes.add(
        get("/api/projects/{project}/labels/next", "posts most worth labelling next", "limit"));
    routes.add(
        get(
            "/api/projects/{project}/overview",
            "a project's overview: mentions, negative share, volume, share of voice, sentiment",
            "days",
            "since",
            "until"));
    routes.add(
        get(
            "/api/projects/{project}/goals",
            "a project's goals: KPI, baseline, target, horizon, latest check-in, forecast, status"));
    routes.add(
        get(
            "/api/projects/{project}/goals/{goal}",
            "one goal with every check-in, the least-squares trend, the forecast and its history"));
    routes.add(
        send(
            "POST",
            "/api/projects/{project}/goals",
            201,
            "create a goal: name, kpi, baseline, target, horizon, owner, check_in"));
    routes.add(
        send(
            "PUT",
            "/api/projects/{project}/goals/{goal}",
            200,
            "change a goal; every change is kept as a version in its history"));
    routes.add(
        get(
            org.cluetrain.web.report.ReportPages.API_LIST,
            "the reports a project defines: sections, period, language, schedule, recipients"));
    routes.add(
        new Route(
            "GET",
            org.cluetrain.web.report.ReportPages.API_REPORT,
            "a defined report for a period beside the previous one, as JSON, HTML or PDF; the"
                + " period is a day in it (at), or since and until, else the last whole one",
            List.of("format", "at", "since", "until"),
            200,
            List.of(JSON, "text/html", "application/pdf")));
    routes.add(
        new Route(
            "GET",
            org.cluetrain.web.exports.ExportApi.PATH,
            "a project's mentions, threads, authors, figures or inbox items as a file, streamed;"
                + " kind is mentions, threads, authors, figures or inbox",
            List.of(
                "format",
                "since",
                "until",
                "q",
                "query",
                "sentiment",
                "lang",
                "source",
                "kind",
                "answered",
                "author"),
            200,
            java.util.Arrays.stream(ExportFormat.values()).map(ExportFormat::mediaType).toList()));
    routes.add(
        new Route(
            "POST",
            "/api/projects/{project}/imports",
            "import a file sent as the request body; watched at its Location",
            List.of("file", "format"),
            202,
            List.of(JSON)));
    routes.add(
        send(
            "POST",
            "/api/projects/{project}/posts",
            200,
            "push posts from a collector or webhook"));
    routes.add(get("/api/imports", "the imports since the server started, newest first"));
    routes.add(
        get("/api/imports/{id}", "one import: state, posts read, new, already stored, problems"));
    routes.add(
        get(
            "/api/audit",
            "the audit log, newest first (admins)",
            "kind",
            "actor",
            "from",
            "to",
            "offset",
            "limit"));
    routes.add(
        new Route(
            "GET",
            "/api/audit/export",
            "the audit log as CSV or NDJSON (admins)",
            List.of("format", "kind", "actor", "from", "to"),
            200,
            List.of("text/csv; charset=utf-8", "application/x-ndjson")));
    routes.add(
        get("/api/privacy/subjects", "what each store holds about one person (admins)", "author"));
    routes.add(
        get("/api/privacy/subjects/export", "everything held about one person (admins)", "author"));
    routes.add(
        send(
            "POST",
            "/api/privacy/subjects/erase",
            200,
            "erase one person from every store (admins)"));
    routes.add(
        get("/api/privacy/pseudonyms/{pseudonym}", "who a pseudonym stands for (admins, audited)"));
    routes.add(
        get(
            "/api/retention",
            "how long each project and source keeps posts and closed inbox items, the last"
                + " retention run and the next"));
    routes.add(
        send(
            "POST",
            "/api/retention/run",
            200,
            "remove what has expired now, or with dry_run=true only count it; project=P for one"
                + " project (admins)"));
    routes.add(get("/api/alerts", "alerts, newest first", "project", "state", "limit"));
    routes.add(get("/api/alerts/status", "how alert delivery is doing"));
    routes.add(get("/api/alerts/{id}", "one alert with its explanation"));
    routes.add(send("POST", "/api/alerts/{id}/ack", 200, "acknowledge an alert"));
    routes.add(get("/api/projects/{project}/alerts/rules", "a project's alert rules"));
    routes.add(
        send(
            "POST",
            "/api/projects/{project}/alerts/backtest",
            200,
            "replay history against an alert rule"));
    routes.add(get("/api/projects/{project}/queries/{name}", "one saved query with its checks"));
    routes.add(send("PUT", "/api/projects/{project}/queries/{name}", 200, "save a query"));
    routes.add(
        send("DELETE", "/api/projects/{project}/queries/{name}", 200, "delete a saved query"));
    routes.add(
        send("POST", "/api/projects/{project}/queries/preview", 200, "what a query would find"));
    routes.add(
        send(
            "POST",
            "/api/projects/{project}/queries/{name}/apply",
            200,
            "apply a saved query to history"));
    routes.add(
        get(
            "/api/projects/{project}/inbox",
            "inbox items by due time",
            "status",
            "assignee",
            "priority",
            "tag",
            "overdue",
            "limit"));
    routes.add(send("POST", "/api/projects/{project}/inbox", 201, "put a post into the inbox"));
    routes.add(get("/api/projects/{project}/inbox/replies", "saved replies"));
    routes.add(send("POST", "/api/projects/{project}/inbox/replies", 201, "save a reply"));
    routes.add(
        send("DELETE", "/api/projects/{project}/inbox/replies/{id}", 204, "delete a saved reply"));
    routes.add(get("/api/inbox/{id}", "one inbox item with its log"));
    routes.add(
        send(
            "PATCH",
            "/api/inbox/{id}",
            200,
            "change an item's status, priority, assignee or tags"));
    routes.add(send("POST", "/api/inbox/{id}/notes", 201, "add a note to an item"));
    routes.add(send("POST", "/api/inbox/{id}/responses", 201, "record a response to an item"));
    return List.copyOf(routes);
  }
}
