package org.cluetrain.web.queries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.PostView;
import org.cluetrain.app.query.QueryCatalog;
import org.cluetrain.app.query.QueryPreview;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.json.Json;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.query.SavedQuery;
import org.cluetrain.store.HourlyCount;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;

/**
 * The saved queries over JSON: read, save (the examples run first), delete, preview on stored
 * history and apply to it. Errors are JSON objects with an {@code error} message; a query that does
 * not parse also carries its {@code position}, failing examples are listed in {@code failures}.
 */
final class QueryApi {
  private static final ObjectMapper JSON = Json.mapper();

  private final EmbeddedRuntime runtime;
  private final QueryPreview previews;

  private QueryApi(EmbeddedRuntime runtime, QueryPreview previews) {
    this.runtime = runtime;
    this.previews = previews;
  }

  static void register(Javalin app, EmbeddedRuntime runtime, QueryPreview previews) {
    QueryApi api = new QueryApi(runtime, previews);
    app.post("/api/projects/{project}/queries/preview", api::preview, Access.VIEWER);
    app.get("/api/projects/{project}/queries/{name}", api::get, Access.VIEWER);
    app.put("/api/projects/{project}/queries/{name}", api::put, Access.ANALYST);
    app.delete("/api/projects/{project}/queries/{name}", api::delete, Access.ANALYST);
    app.post("/api/projects/{project}/queries/{name}/apply", api::apply, Access.ANALYST);
  }

  private void get(Context ctx) {
    String project = project(ctx);
    QueryCatalog.Entry entry = runtime.queries().find(project, ctx.pathParam("name")).orElse(null);
    if (entry == null) {
      notFound(ctx, project);
      return;
    }
    ctx.json(json(entry));
  }

  private void put(Context ctx) {
    String project = project(ctx);
    String name = ctx.pathParam("name");
    JsonNode body = body(ctx);
    if (body == null) {
      return;
    }
    if (!body.path("query").isTextual()) {
      error(ctx, HttpStatus.BAD_REQUEST, "the body needs \"query\": the query text");
      return;
    }
    SavedQuery.Role role =
        body.has("role")
            ? QueryPages.parseRole(body.path("role").asText())
            : SavedQuery.Role.LISTEN;
    if (role == null) {
      error(
          ctx,
          HttpStatus.BAD_REQUEST,
          "unknown role '" + body.path("role").asText() + "'; choose listen or competitor");
      return;
    }
    SavedQuery query;
    try {
      query =
          new SavedQuery(
              project,
              name,
              body.path("query").asText(),
              role,
              strings(body.path("must_match")),
              strings(body.path("must_not_match")));
    } catch (IllegalArgumentException e) {
      error(ctx, HttpStatus.BAD_REQUEST, e.getMessage());
      return;
    }
    boolean existed = runtime.queries().find(project, name).isPresent();
    QueryCatalog.Entry saved;
    try {
      saved = runtime.queries().save(query, Authentication.requireAccount(ctx).name());
    } catch (IllegalArgumentException e) {
      error(ctx, HttpStatus.BAD_REQUEST, e.getMessage());
      return;
    } catch (QueryCatalog.RefusedQuery refused) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("error", refused.getMessage());
      QuerySyntaxException syntax = refused.check().syntaxError();
      if (syntax != null) {
        json.put("position", syntax.position());
      }
      List<Map<String, Object>> failures = new ArrayList<>();
      refused
          .check()
          .failures()
          .forEach(
              f -> failures.add(Map.of("example", f.example(), "should_match", f.shouldMatch())));
      json.put("failures", failures);
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).json(json);
      return;
    }
    Authentication.audit(
        ctx,
        AuditKind.CONFIGURATION_CHANGED,
        project + "/" + name,
        existed ? "query changed" : "query added");
    Map<String, Object> json = json(saved);
    if (body.path("apply_to_history").asBoolean(false)) {
      json.put("matched_in_history", runtime.queries().applyToHistory(project, name));
    }
    ctx.status(existed ? HttpStatus.OK : HttpStatus.CREATED).json(json);
  }

  private void delete(Context ctx) {
    String project = project(ctx);
    String name = ctx.pathParam("name");
    QueryCatalog.Entry entry = runtime.queries().find(project, name).orElse(null);
    if (entry == null) {
      notFound(ctx, project);
      return;
    }
    if (!entry.deletable()) {
      error(
          ctx,
          HttpStatus.CONFLICT,
          "the query '"
              + name
              + "' is defined in the workspace file; remove it there (it would come back with"
              + " the next start)");
      return;
    }
    boolean restored = runtime.queries().delete(project, name).isPresent();
    Authentication.audit(
        ctx, AuditKind.CONFIGURATION_CHANGED, project + "/" + name, "query deleted");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("deleted", entry.query().id());
    json.put("workspace_query_restored", restored);
    ctx.json(json);
  }

  private void apply(Context ctx) {
    String project = project(ctx);
    String name = ctx.pathParam("name");
    if (runtime.queries().find(project, name).isEmpty()) {
      notFound(ctx, project);
      return;
    }
    ctx.json(
        Map.of(
            "query",
            project + "/" + name,
            "matched",
            runtime.queries().applyToHistory(project, name)));
  }

  /** Body: {@code {"query": "…"}}, or the query as plain text. */
  private void preview(Context ctx) {
    String project = project(ctx);
    String text;
    String type = ctx.contentType();
    if (type != null && type.startsWith("application/json")) {
      JsonNode body = body(ctx);
      if (body == null) {
        return;
      }
      if (!body.path("query").isTextual()) {
        error(ctx, HttpStatus.BAD_REQUEST, "the body needs \"query\": the query text");
        return;
      }
      text = body.path("query").asText();
    } else {
      text = ctx.body();
    }
    if (text.isBlank()) {
      error(ctx, HttpStatus.BAD_REQUEST, "the query is empty");
      return;
    }
    QueryPreview.Result result;
    try {
      result =
          previews.preview(
              project, text, ZoneOffset.UTC, Instant.now(), QueryPages.DAYS, QueryPages.SAMPLES);
    } catch (QuerySyntaxException e) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("error", "query " + e.getMessage());
      json.put("position", e.position());
      ctx.status(HttpStatus.BAD_REQUEST).json(json);
      return;
    } catch (IllegalArgumentException e) {
      error(ctx, HttpStatus.BAD_REQUEST, e.getMessage());
      return;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("total", result.total());
    List<Map<String, Object>> perDay = new ArrayList<>();
    result
        .perDay()
        .forEach((day, posts) -> perDay.add(Map.of("day", day.toString(), "posts", posts)));
    json.put("per_day", perDay);
    json.put("posts", result.newest().stream().map(PostView::of).toList());
    ctx.json(json);
  }

  private Map<String, Object> json(QueryCatalog.Entry entry) {
    SavedQuery query = entry.query();
    Instant now = Instant.now();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", query.id());
    json.put("project", query.project());
    json.put("name", query.name());
    json.put("query", query.text());
    json.put("role", QueryPages.roleLabel(query.role()));
    json.put("must_match", query.mustMatch());
    json.put("must_not_match", query.mustNotMatch());
    json.put("origin", entry.origin().name().toLowerCase(java.util.Locale.ROOT));
    json.put("edited_by", entry.editedBy());
    json.put("edited", entry.edited() == null ? null : entry.edited().toString());
    json.put("problem", entry.problem());
    json.put(
        "matches_last_30_days",
        runtime
            .rollups()
            .hourlyCounts(query.id(), now.minus(Duration.ofDays(QueryPages.DAYS)), now)
            .stream()
            .mapToLong(HourlyCount::posts)
            .sum());
    return json;
  }

  private String project(Context ctx) {
    return Authentication.pathProject(ctx, runtime);
  }

  private static void notFound(Context ctx, String project) {
    error(
        ctx,
        HttpStatus.NOT_FOUND,
        "no query '" + ctx.pathParam("name") + "' in the project '" + project + "'");
  }

  /** The JSON body, or null after answering 400 when it is not a JSON object. */
  private static JsonNode body(Context ctx) {
    try {
      JsonNode body = JSON.readTree(ctx.body());
      if (body != null && body.isObject()) {
        return body;
      }
    } catch (IOException e) {
      // answered below
    }
    error(ctx, HttpStatus.BAD_REQUEST, "the body must be a JSON object");
    return null;
  }

  private static List<String> strings(JsonNode array) {
    List<String> strings = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(item -> strings.add(item.asText()));
    } else if (!array.isMissingNode() && !array.isNull()) {
      throw new IllegalArgumentException("examples must be a JSON array of strings");
    }
    return strings;
  }

  private static void error(Context ctx, HttpStatus status, String message) {
    ctx.status(status).json(Map.of("error", message));
  }
}
