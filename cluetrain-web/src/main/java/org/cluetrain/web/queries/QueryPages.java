package org.cluetrain.web.queries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.query.QueryCatalog;
import org.cluetrain.app.query.QueryExamples;
import org.cluetrain.app.query.QueryPreview;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.json.Json;
import org.cluetrain.model.Post;
import org.cluetrain.query.QueryNode;
import org.cluetrain.query.QueryParser;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.query.SavedQuery;
import org.cluetrain.store.HourlyCount;
import org.cluetrain.store.StoredPost;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;
import org.cluetrain.web.page.Messages;
import org.cluetrain.web.page.PageContext;
import org.cluetrain.web.page.Templates;

/**
 * The saved queries of a project: the list with their recent matches and problems, and the editor
 * that shows syntax errors in place and previews a query on stored history while it is typed. On
 * save the query's examples run; a failing example refuses the save.
 */
public final class QueryPages {
  /** The window of the list's match counts and of the preview's chart, in days. */
  static final int DAYS = 30;

  /** How many of the newest matching posts the preview shows. */
  static final int SAMPLES = 10;

  private static final ObjectMapper JSON = Json.mapper();

  private final EmbeddedRuntime runtime;
  private final QueryPreview previews;

  private QueryPages(EmbeddedRuntime runtime) {
    this.runtime = runtime;
    this.previews = new QueryPreview(runtime.store());
  }

  /** Registers the query pages and the query JSON API. */
  public static void register(Javalin app, EmbeddedRuntime runtime) {
    QueryPages pages = new QueryPages(runtime);
    app.get("/p/{project}/queries", pages::list, Access.VIEWER);
    app.get("/p/{project}/queries/new", pages::newForm, Access.ANALYST);
    app.post("/p/{project}/queries", ctx -> pages.save(ctx, null), Access.ANALYST);
    app.post("/p/{project}/queries/preview", pages::previewFragment, Access.ANALYST);
    app.get("/p/{project}/queries/{name}/edit", pages::editForm, Access.ANALYST);
    app.post(
        "/p/{project}/queries/{name}/edit",
        ctx -> pages.save(ctx, ctx.pathParam("name")),
        Access.ANALYST);
    app.get("/p/{project}/queries/{name}/delete", pages::confirmDelete, Access.ANALYST);
    app.post("/p/{project}/queries/{name}/delete", pages::delete, Access.ANALYST);
    app.post("/p/{project}/queries/{name}/apply", pages::apply, Access.ANALYST);
    QueryApi.register(app, runtime, pages.previews);
  }

  /** One row of the list. */
  public record Row(
      String name,
      String role,
      String text,
      long recentMatches,
      List<String> problems,
      QueryCatalog.Origin origin,
      boolean deletable,
      String path) {}

  /** What the form holds, as typed. */
  public record Form(
      String name, String role, String text, String mustMatch, String mustNotMatch, boolean apply) {
    static Form of(SavedQuery query) {
      return new Form(
          query.name(),
          roleLabel(query.role()),
          query.text(),
          String.join("\n", query.mustMatch()),
          String.join("\n", query.mustNotMatch()),
          true);
    }

    static Form empty() {
      return new Form("", "listen", "", "", "", true);
    }
  }

  /** A syntax error with the line of the query it is on and the column to point at. */
  public record SyntaxError(String message, int position, int lineNumber, String line, int column) {
    public String caret() {
      return " ".repeat(Math.max(0, column - 1)) + "^";
    }

    static SyntaxError of(QuerySyntaxException e, String text, Locale locale) {
      int index = Math.max(0, Math.min(text.length(), e.position() - 1));
      int start = text.lastIndexOf('\n', index - 1) + 1;
      int end = text.indexOf('\n', index);
      String line = text.substring(start, end < 0 ? text.length() : end).replace("\r", "");
      int lineNumber = (int) text.substring(0, start).chars().filter(c -> c == '\n').count() + 1;
      return new SyntaxError(e.message(locale), e.position(), lineNumber, line, index - start + 1);
    }
  }

  /** A post of the preview, its matching words marked. */
  public record PreviewPost(
      String threadPath,
      String author,
      String source,
      String when,
      List<Highlights.Segment> title,
      List<Highlights.Segment> text) {}

  /**
   * The preview: a syntax error, a problem of the store, or what the query finds.
   *
   * @param chart the ECharts option of the per-day bars, as JSON
   */
  public record Preview(
      boolean blank,
      SyntaxError syntax,
      String problem,
      long total,
      long recent,
      String chart,
      List<PreviewPost> posts) {}

  /** An example that failed, for the form. */
  public record FailedExample(String example, boolean shouldMatch) {}

  private void list(Context ctx) {
    String project = project(ctx);
    PageContext page = Authentication.page(ctx, project, "queries");
    Messages t = page.t();
    Instant now = Instant.now();
    List<QueryCatalog.Entry> entries = runtime.queries().entries(project);
    Map<String, List<String>> problems = new HashMap<>();
    for (QueryCatalog.Entry entry : entries) {
      if (entry.problem() != null) {
        problems
            .computeIfAbsent(entry.query().id(), id -> new ArrayList<>())
            .add(t.get("queries.problem.compile", entry.problem()));
      }
    }
    List<SavedQuery> runnable =
        entries.stream().filter(e -> e.problem() == null).map(QueryCatalog.Entry::query).toList();
    for (QueryExamples.Failure failure : QueryExamples.check(runnable)) {
      problems
          .computeIfAbsent(failure.queryId(), id -> new ArrayList<>())
          .add(
              t.get(
                  failure.shouldMatch()
                      ? "queries.problem.should_match"
                      : "queries.problem.should_not_match",
                  failure.example()));
    }
    List<Row> rows = new ArrayList<>();
    for (QueryCatalog.Entry entry : entries) {
      SavedQuery query = entry.query();
      long recent =
          runtime.rollups().hourlyCounts(query.id(), now.minus(Duration.ofDays(DAYS)), now).stream()
              .mapToLong(HourlyCount::posts)
              .sum();
      rows.add(
          new Row(
              query.name(),
              roleLabel(query.role()),
              query.text(),
              recent,
              problems.getOrDefault(query.id(), List.of()),
              entry.origin(),
              entry.deletable(),
              path(query.name())));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("rows", rows);
    model.put("notice", notice(ctx, t));
    Templates.page(ctx, "queries/list.jte", model);
  }

  /** The confirmation after a redirect: what was saved, deleted or applied. */
  private static String notice(Context ctx, Messages t) {
    String matched = ctx.queryParam("matched");
    String saved = ctx.queryParam("saved");
    String deleted = ctx.queryParam("deleted");
    String applied = ctx.queryParam("applied");
    long count = matched == null ? -1 : parseLong(matched);
    if (saved != null) {
      return count < 0
          ? t.get("queries.notice.saved", saved)
          : t.get("queries.notice.saved_applied", saved, count);
    }
    if (applied != null) {
      return t.get("queries.notice.applied", applied, Math.max(0, count));
    }
    if (deleted != null) {
      return "workspace".equals(ctx.queryParam("restored"))
          ? t.get("queries.notice.deleted_restored", deleted)
          : t.get("queries.notice.deleted", deleted);
    }
    return null;
  }

  private static long parseLong(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void newForm(Context ctx) {
    String project = project(ctx);
    renderForm(ctx, project, Form.empty(), true, null, Map.of(), List.of(), HttpStatus.OK);
  }

  private void editForm(Context ctx) {
    String project = project(ctx);
    QueryCatalog.Entry entry = entry(project, ctx.pathParam("name"));
    renderForm(
        ctx, project, Form.of(entry.query()), false, entry, Map.of(), List.of(), HttpStatus.OK);
  }

  private void renderForm(
      Context ctx,
      String project,
      Form form,
      boolean isNew,
      QueryCatalog.Entry entry,
      Map<String, String> errors,
      List<FailedExample> failures,
      HttpStatus status) {
    PageContext page = Authentication.page(ctx, project, "queries");
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("form", form);
    model.put("isNew", isNew);
    model.put("entry", entry);
    model.put("errors", errors);
    model.put("failures", failures);
    model.put(
        "action",
        isNew ? page.link("queries") : page.link("queries/" + path(form.name()) + "/edit"));
    model.put("preview", preview(project, form.text(), page.t()));
    ctx.status(status);
    Templates.page(ctx, "queries/edit.jte", model);
  }

  private void save(Context ctx, String existing) {
    String project = project(ctx);
    Messages t = Authentication.page(ctx, project, "queries").t();
    QueryCatalog.Entry entry = existing == null ? null : entry(project, existing);
    Form form =
        new Form(
            existing != null
                ? existing
                : Objects.requireNonNullElse(ctx.formParam("name"), "").strip(),
            Objects.requireNonNullElse(ctx.formParam("role"), "listen"),
            Objects.requireNonNullElse(ctx.formParam("text"), ""),
            Objects.requireNonNullElse(ctx.formParam("must_match"), ""),
            Objects.requireNonNullElse(ctx.formParam("must_not_match"), ""),
            ctx.formParam("apply") != null);
    Map<String, String> errors = new LinkedHashMap<>();
    SavedQuery.Role role = parseRole(form.role());
    if (role == null) {
      errors.put("role", t.get("queries.error.role", form.role()));
    }
    if (form.text().isBlank()) {
      errors.put("text", t.get("queries.error.text_blank"));
    }
    if (form.name().isEmpty()) {
      errors.put("name", t.get("queries.error.name_blank"));
    } else if (existing == null && runtime.queries().find(project, form.name()).isPresent()) {
      errors.put("name", t.get("queries.error.name_taken", form.name()));
    }
    SavedQuery query = null;
    if (errors.isEmpty()) {
      try {
        query =
            new SavedQuery(
                project,
                form.name(),
                form.text(),
                role,
                lines(form.mustMatch()),
                lines(form.mustNotMatch()));
      } catch (IllegalArgumentException e) {
        errors.put("name", t.get("queries.error.name", form.name()));
      }
    }
    if (!errors.isEmpty()) {
      renderForm(
          ctx, project, form, existing == null, entry, errors, List.of(), HttpStatus.BAD_REQUEST);
      return;
    }
    String by = Authentication.requireAccount(ctx).name();
    try {
      runtime.queries().save(query, by);
    } catch (QueryCatalog.RefusedQuery refused) {
      QueryCatalog.Check check = refused.check();
      if (check.syntaxError() != null) {
        errors.put("text", t.get("queries.error.syntax"));
      } else {
        errors.put("examples", t.get("queries.error.examples", check.failures().size()));
      }
      List<FailedExample> failed =
          check.failures().stream()
              .map(f -> new FailedExample(f.example(), f.shouldMatch()))
              .toList();
      renderForm(
          ctx,
          project,
          form,
          existing == null,
          entry,
          errors,
          failed,
          HttpStatus.UNPROCESSABLE_CONTENT);
      return;
    }
    Authentication.audit(
        ctx,
        AuditKind.CONFIGURATION_CHANGED,
        project + "/" + form.name(),
        existing == null ? "query added" : "query changed");
    String target =
        "/p/"
            + project
            + "/queries?saved="
            + URLEncoder.encode(form.name(), StandardCharsets.UTF_8);
    if (form.apply()) {
      target += "&matched=" + runtime.queries().applyToHistory(project, form.name());
    }
    ctx.redirect(target);
  }

  private void confirmDelete(Context ctx) {
    String project = project(ctx);
    QueryCatalog.Entry entry = entry(project, ctx.pathParam("name"));
    PageContext page = Authentication.page(ctx, project, "queries");
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("entry", entry);
    model.put("path", path(entry.query().name()));
    Templates.page(ctx, "queries/delete.jte", model);
  }

  private void delete(Context ctx) {
    String project = project(ctx);
    QueryCatalog.Entry entry = entry(project, ctx.pathParam("name"));
    if (!entry.deletable()) {
      PageContext page = Authentication.page(ctx, project, "queries");
      throw new io.javalin.http.ConflictResponse(
          page.t().get("queries.error.workspace_delete", entry.query().name()));
    }
    boolean restored = runtime.queries().delete(project, entry.query().name()).isPresent();
    Authentication.audit(
        ctx,
        AuditKind.CONFIGURATION_CHANGED,
        project + "/" + entry.query().name(),
        "query deleted");
    String name = URLEncoder.encode(entry.query().name(), StandardCharsets.UTF_8);
    ctx.redirect(
        "/p/" + project + "/queries?deleted=" + name + (restored ? "&restored=workspace" : ""));
  }

  private void apply(Context ctx) {
    String project = project(ctx);
    QueryCatalog.Entry entry = entry(project, ctx.pathParam("name"));
    long matched = runtime.queries().applyToHistory(project, entry.query().name());
    ctx.redirect(
        "/p/"
            + project
            + "/queries?applied="
            + URLEncoder.encode(entry.query().name(), StandardCharsets.UTF_8)
            + "&matched="
            + matched);
  }

  /** The editor's live part: answers the preview of the form's query text as HTML. */
  private void previewFragment(Context ctx) {
    String project = project(ctx);
    PageContext page = Authentication.page(ctx, project, "queries");
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put(
        "preview",
        preview(project, Objects.requireNonNullElse(ctx.formParam("text"), ""), page.t()));
    ctx.html(Templates.render("queries/preview.jte", model));
  }

  Preview preview(String project, String text, Messages t) {
    if (text.isBlank()) {
      return new Preview(true, null, null, 0, 0, null, List.of());
    }
    QueryNode parsed;
    QueryPreview.Result result;
    try {
      parsed = QueryParser.parse(text);
      result = previews.preview(project, text, t.zone(), Instant.now(), DAYS, SAMPLES);
    } catch (QuerySyntaxException e) {
      return new Preview(false, SyntaxError.of(e, text, t.locale()), null, 0, 0, null, List.of());
    } catch (IllegalArgumentException e) {
      return new Preview(false, null, e.getMessage(), 0, 0, null, List.of());
    }
    List<PreviewPost> posts = new ArrayList<>();
    for (StoredPost stored : result.newest()) {
      Post post = stored.post();
      posts.add(
          new PreviewPost(
              path(post.threadId()),
              post.author() == null ? null : post.author().name(),
              post.source().name() != null ? post.source().name() : post.source().id(),
              t.dateTime(post.published()),
              post.title() == null ? List.of() : Highlights.of(post.title(), parsed),
              Highlights.of(excerpt(post.text()), parsed)));
    }
    long recent = result.perDay().values().stream().mapToLong(Long::longValue).sum();
    return new Preview(false, null, null, result.total(), recent, chart(result, t), posts);
  }

  private static String excerpt(String text) {
    if (text == null) {
      return "";
    }
    return text.length() > 600 ? text.substring(0, 599) + "…" : text;
  }

  /** A small bar chart of matches per day, as an ECharts option. */
  private static String chart(QueryPreview.Result result, Messages t) {
    DateTimeFormatter day =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)
            .withLocale(Locale.forLanguageTag(t.language()));
    List<String> days = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    for (Map.Entry<LocalDate, Long> entry : result.perDay().entrySet()) {
      days.add(day.format(entry.getKey()));
      counts.add(entry.getValue());
    }
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("animation", false);
    option.put("grid", Map.of("left", 36, "right", 8, "top", 12, "bottom", 28));
    option.put("tooltip", Map.of("trigger", "axis"));
    option.put("xAxis", Map.of("type", "category", "data", days));
    option.put("yAxis", Map.of("type", "value", "minInterval", 1));
    option.put(
        "series",
        List.of(
            Map.of(
                "type",
                "bar",
                "name",
                t.get("queries.preview.posts"),
                "data",
                counts,
                "itemStyle",
                Map.of("color", "#2156c9"))));
    try {
      return JSON.writeValueAsString(option);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a chart of numbers always serialises", e);
    }
  }

  private String project(Context ctx) {
    return Authentication.pathProject(ctx, runtime);
  }

  private QueryCatalog.Entry entry(String project, String name) {
    return runtime
        .queries()
        .find(project, name)
        .orElseThrow(
            () -> new NotFoundResponse("no query '" + name + "' in the project '" + project + "'"));
  }

  static List<String> lines(String text) {
    return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  static String roleLabel(SavedQuery.Role role) {
    return role.name().toLowerCase(Locale.ROOT);
  }

  static SavedQuery.Role parseRole(String label) {
    for (SavedQuery.Role role : SavedQuery.Role.values()) {
      if (roleLabel(role).equals(label)) {
        return role;
      }
    }
    return null;
  }

  /** A query name as one segment of a path: spaces and the like encoded. */
  public static String path(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
