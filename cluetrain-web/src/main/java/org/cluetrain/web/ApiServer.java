package org.cluetrain.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.RouteRole;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.cluetrain.access.Account;
import org.cluetrain.access.Role;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.PostView;
import org.cluetrain.app.TimeArguments;
import org.cluetrain.app.relevance.RelevanceLoop;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.json.Json;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.store.SearchPage;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.StoredPost;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;
import org.cluetrain.web.access.SignInPages;
import org.cluetrain.web.admin.AdminPages;
import org.cluetrain.web.queries.QueryPages;

/**
 * The HTTP API: JSON over {@code /api/…} for projects, queries, search, posts, threads, stats and
 * source health. It listens on the loopback interface unless told otherwise: the data never leaves
 * the operator's machine by accident. Every error is a JSON object with an {@code error} message.
 */
public final class ApiServer implements AutoCloseable {
  private static final ObjectMapper JSON = Json.mapper();

  private final Javalin app;
  private final EmbeddedRuntime runtime;
  private final Supplier<Map<String, Object>> status;

  private ApiServer(EmbeddedRuntime runtime, String host, Supplier<Map<String, Object>> status) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.status = status;
    this.app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.jsonMapper(new JavalinJackson(Json.snakeCase(), false));
              config.staticFiles.add(
                  files -> {
                    files.hostedPath = "/assets"; // the pages link /assets/app.css, /assets/app.js
                    files.directory = "/assets";
                    files.location = Location.CLASSPATH;
                  });
              config.staticFiles.enableWebjars();
              // uploads on the Import page: spooled to disk beyond 1 MiB, refused beyond the limit
              config.jetty.multipartConfig.maxFileSize(
                  EmbeddedRuntime.MAX_IMPORT_BYTES, io.javalin.config.SizeUnit.BYTES);
              config.jetty.multipartConfig.maxTotalRequestSize(
                  EmbeddedRuntime.MAX_IMPORT_BYTES, io.javalin.config.SizeUnit.BYTES);
              config.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            });
    Authentication.install(
        app,
        runtime.access(),
        runtime.audit(),
        this::projectNames,
        runtime.workspace().trustedProxies(),
        runtime.workspace().publicHosts(),
        host);
    SignInPages.register(app);
    org.cluetrain.web.overview.ListeningPages.register(app, runtime);
    org.cluetrain.web.inbox.InboxPages.register(app, runtime);
    routes();
  }

  /**
   * Starts the API.
   *
   * @param host the interface to listen on, normally {@code 127.0.0.1}
   * @param port the port, or 0 for any free one
   * @param status what {@code /api/status} adds about the running process (polling, uptime)
   */
  public static ApiServer start(
      EmbeddedRuntime runtime, String host, int port, Supplier<Map<String, Object>> status) {
    ApiServer server = new ApiServer(runtime, host, status);
    server.app.start(host, port);
    return server;
  }

  public int port() {
    return app.port();
  }

  /** A route of the server: its method, path and who may call it. */
  public record Endpoint(String method, String path, Set<RouteRole> roles) {}

  /** Every route, so tests can prove each one refuses whom it must. */
  public List<Endpoint> endpoints() {
    return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
        .map(ParsedEndpoint::getEndpoint)
        .filter(e -> e.getMethod().isHttpMethod())
        .map(e -> new Endpoint(e.getMethod().name(), e.getPath(), e.getRoles()))
        .toList();
  }

  /** The version of the server, as its jar says (or "development" when run from classes). */
  private static String version() {
    String version = ApiServer.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  private void routes() {
    app.get("/", this::home, Access.VIEWER);
    app.get("/switch", this::switchProject, Access.VIEWER);
    app.get("/api", ctx -> ctx.json(ApiIndex.endpoints()), Access.VIEWER);
    app.get("/api/openapi.json", ctx -> ctx.json(OpenApi.document(version())), Access.VIEWER);
    app.get("/api/status", ctx -> ctx.json(status(ctx)), Access.VIEWER);
    app.get("/api/projects", ctx -> ctx.json(projects(ctx)), Access.VIEWER);
    app.get("/api/queries", ctx -> ctx.json(queries(project(ctx))), Access.VIEWER);
    app.get("/api/queries/{project}/{name}/counts", this::hourlyCounts, Access.VIEWER);
    app.get("/api/search", this::search, Access.VIEWER);
    app.get("/api/posts/{id}", this::post, Access.VIEWER);
    app.get(
        "/api/threads",
        ctx -> ctx.json(runtime.rollups().threads(project(ctx), limit(ctx, 50))),
        Access.VIEWER);
    app.get("/api/threads/{id}", this::thread, Access.VIEWER);
    app.get(
        "/api/authors",
        ctx -> ctx.json(runtime.rollups().authors(project(ctx), limit(ctx, 50))),
        Access.VIEWER);
    app.get("/api/stats", ctx -> ctx.json(runtime.rollups().stats(project(ctx))), Access.VIEWER);
    app.get("/api/sources", ctx -> ctx.json(visibleHealth(ctx)), Access.VIEWER);
    app.post("/api/projects/{project}/labels", this::label, Access.ANALYST);
    app.get("/api/projects/{project}/labels/next", this::nextToLabel, Access.VIEWER);
    QueryPages.register(app, runtime);
    AdminPages.register(app, runtime);
    org.cluetrain.web.privacy.PrivacyApi.register(app, runtime);
    org.cluetrain.web.sources.RetentionApi.register(app, runtime);
    org.cluetrain.web.goals.GoalPages.register(app, runtime);
    org.cluetrain.web.privacy.PrivacyPages.register(app, runtime);
    org.cluetrain.web.alert.AlertApi.register(app, runtime);
    org.cluetrain.web.alert.AlertPages.register(app, runtime);
    org.cluetrain.web.exports.ExportApi.register(app, runtime);
    org.cluetrain.web.report.ReportPages.register(app, runtime);
    app.exception(HttpResponseException.class, ErrorPages::answer);
    app.exception(
        BadRequest.class,
        (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", e.getMessage())));
    app.exception(
        NotFound.class,
        (e, ctx) -> ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", e.getMessage())));
    app.exception(
        Exception.class,
        (e, ctx) ->
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .json(Map.of("error", "internal error: " + e.getMessage())));
    app.error(
        404,
        ctx -> {
          if (ctx.result() == null) {
            ctx.json(Map.of("error", "not found: " + ctx.path()));
          }
        });
  }

  /**
   * The state of the server as far as the caller may see it: admins see everything, the data
   * directory and the alert delivery included; others see the posts and query problems of the
   * projects they may see, and whether polling runs, but no paths of the machine and nothing of
   * projects hidden from them.
   */
  private Map<String, Object> status(Context ctx) {
    Account account = Authentication.requireAccount(ctx);
    Map<String, Object> json = new LinkedHashMap<>();
    if (account.role() == Role.ADMIN) {
      json.put("posts", runtime.store().count());
      json.put("data_dir", runtime.dataDir().toString());
      json.put("query_problems", runtime.queryProblems());
      if (status != null) {
        json.putAll(status.get());
      }
      return json;
    }
    List<String> visible = projectNames().stream().filter(account::canSee).toList();
    json.put(
        "posts",
        account.seesAllProjects()
            ? runtime.store().count()
            : visible.stream().mapToLong(p -> runtime.rollups().stats(p).posts()).sum());
    json.put(
        "query_problems",
        runtime.queryProblems().stream()
            .filter(
                problem ->
                    account.seesAllProjects()
                        || visible.stream().anyMatch(p -> problem.startsWith(p + "/")))
            .toList());
    if (status != null) {
      Map<String, Object> process = status.get();
      for (String shared : List.of("polling", "uptime_seconds")) {
        if (process.containsKey(shared)) {
          json.put(shared, process.get(shared));
        }
      }
    }
    return json;
  }

  private List<String> projectNames() {
    return runtime.workspace().projects().stream().map(Workspace.Project::name).toList();
  }

  /** Where the browser lands: the overview of the first project this person may see. */
  private void home(Context ctx) {
    Account account = Authentication.requireAccount(ctx);
    projectNames().stream()
        .filter(account::canSee)
        .findFirst()
        .ifPresentOrElse(first -> ctx.redirect("/p/" + first), () -> ctx.redirect("/sources"));
  }

  /** The project switcher: the same section in another project. */
  private void switchProject(Context ctx) {
    String project = ctx.queryParam("project");
    if (project == null || runtime.workspace().project(project).isEmpty()) {
      throw new NotFound("no project '" + project + "'");
    }
    Authentication.requireProject(ctx, project);
    String section = Objects.requireNonNullElse(ctx.queryParam("section"), "overview");
    boolean perProject = List.of("mentions", "inbox", "queries", "alerts").contains(section);
    ctx.redirect("/p/" + project + (perProject ? "/" + section : ""));
  }

  private List<SourceHealth> visibleHealth(Context ctx) {
    Account account = Authentication.requireAccount(ctx);
    return runtime.sourceStates().health().stream()
        .filter(
            h -> account.seesAllProjects() || (h.project() != null && account.canSee(h.project())))
        .toList();
  }

  private List<Map<String, Object>> projects(Context ctx) {
    Account account = Authentication.requireAccount(ctx);
    return runtime.workspace().projects().stream()
        .filter(p -> account.canSee(p.name()))
        .map(
            p -> {
              Map<String, Object> json = new LinkedHashMap<>();
              json.put("name", p.name());
              json.put("description", p.description());
              json.put(
                  "feeds",
                  p.feeds().stream()
                      .map(
                          f ->
                              Map.of(
                                  "name",
                                  f.name(),
                                  "url",
                                  f.url(),
                                  "every_seconds",
                                  f.everySeconds()))
                      .toList());
              json.put(
                  "queries",
                  runtime.queries().entries(p.name()).stream().map(e -> e.query().id()).toList());
              return json;
            })
        .toList();
  }

  private List<Map<String, Object>> queries(String project) {
    return runtime.queries().queries().stream()
        .filter(q -> project == null || q.project().equals(project))
        .map(
            q -> {
              Map<String, Object> json = new LinkedHashMap<>();
              json.put("id", q.id());
              json.put("project", q.project());
              json.put("name", q.name());
              json.put("query", q.text());
              json.put("role", q.role().name().toLowerCase(java.util.Locale.ROOT));
              json.put("must_match", q.mustMatch());
              json.put("must_not_match", q.mustNotMatch());
              return json;
            })
        .toList();
  }

  private void search(Context ctx) {
    SearchRequest request;
    try {
      request =
          new SearchRequest(
              Objects.requireNonNullElse(ctx.queryParam("q"), ""),
              project(ctx),
              instant(ctx, "since"),
              instant(ctx, "until"),
              limit(ctx, 50));
    } catch (IllegalArgumentException e) {
      throw new BadRequest(e.getMessage());
    }
    SearchPage page;
    try {
      page = runtime.store().search(request);
    } catch (QuerySyntaxException e) {
      throw new BadRequest("query " + e.getMessage());
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("total", page.totalHits());
    json.put("posts", page.posts().stream().map(PostView::of).toList());
    ctx.json(json);
  }

  private void post(Context ctx) {
    StoredPost post =
        runtime
            .store()
            .get(ctx.pathParam("id"))
            .orElseThrow(() -> new NotFound("no post with id " + ctx.pathParam("id")));
    Authentication.requireProject(ctx, post.post().project());
    ctx.json(PostView.of(post));
  }

  private void thread(Context ctx) {
    List<StoredPost> posts = runtime.store().thread(ctx.pathParam("id"), limit(ctx, 1000));
    if (posts.isEmpty()) {
      throw new NotFound("no thread with id " + ctx.pathParam("id"));
    }
    Authentication.requireProject(ctx, posts.get(0).post().project());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("thread", ctx.pathParam("id"));
    json.put("posts", posts.stream().map(PostView::of).toList());
    ctx.json(json);
  }

  private void hourlyCounts(Context ctx) {
    String id = ctx.pathParam("project") + "/" + ctx.pathParam("name");
    boolean known = runtime.queries().queries().stream().anyMatch(q -> q.id().equals(id));
    if (!known) {
      throw new NotFound("no saved query " + id);
    }
    Authentication.requireProject(ctx, ctx.pathParam("project"));
    ctx.json(runtime.rollups().hourlyCounts(id, instant(ctx, "since"), instant(ctx, "until")));
  }

  /** Body: {@code {"post_id": "…", "relevant": true}}. Answers what the labelling did. */
  private void label(Context ctx) {
    String project = pathProject(ctx);
    Map<String, Object> body;
    try {
      body = JSON.readValue(ctx.body(), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new BadRequest("the body must be JSON like {\"post_id\": \"…\", \"relevant\": true}");
    }
    if (!(body.get("post_id") instanceof String postId)
        || !(body.get("relevant") instanceof Boolean relevant)) {
      throw new BadRequest(
          "the body needs \"post_id\" (a string) and \"relevant\" (true or false)");
    }
    RelevanceLoop.Outcome outcome;
    try {
      outcome = runtime.relevance().label(project, postId, relevant);
    } catch (IllegalArgumentException e) {
      throw new NotFound(e.getMessage());
    }
    ctx.status(HttpStatus.CREATED).json(outcome);
  }

  private void nextToLabel(Context ctx) {
    String project = pathProject(ctx);
    ctx.json(runtime.relevance().next(project, limit(ctx, 10)).stream().map(PostView::of).toList());
  }

  private String pathProject(Context ctx) {
    String project = ctx.pathParam("project");
    if (runtime.workspace().project(project).isEmpty()) {
      throw new NotFound("no project '" + project + "'");
    }
    Authentication.requireProject(ctx, project);
    return project;
  }

  private String project(Context ctx) {
    String project = ctx.queryParam("project");
    if (project != null && runtime.workspace().project(project).isEmpty()) {
      throw new NotFound(
          "no project '"
              + project
              + "'; the workspace has "
              + runtime.workspace().projects().stream().map(Workspace.Project::name).toList());
    }
    // a person limited to some projects must name one; everybody else may ask across all
    Authentication.requireProject(ctx, project);
    return project;
  }

  private static int limit(Context ctx, int fallback) {
    String text = ctx.queryParam("limit");
    if (text == null) {
      return fallback;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit < 1 || limit > SearchRequest.MAX_LIMIT) {
        throw new BadRequest("limit must be between 1 and " + SearchRequest.MAX_LIMIT);
      }
      return limit;
    } catch (NumberFormatException e) {
      throw new BadRequest("limit '" + text + "' is not a number");
    }
  }

  private static Instant instant(Context ctx, String name) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return TimeArguments.parse(text, Instant.now());
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new BadRequest(name + " '" + text + "' " + e.getMessage());
    }
  }

  @Override
  public void close() {
    app.stop();
  }

  /** A request the API cannot answer as asked; becomes 400 with the message. */
  static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }

  /** Something the request names does not exist; becomes 404 with the message. */
  static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message);
    }
  }
}
