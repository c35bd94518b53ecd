package org.cluetrain.web.sources;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cluetrain.access.Account;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.poll.LiveSources;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.connectors.net.RefusedAddressException;
import org.cluetrain.connectors.source.ApiClient;
import org.cluetrain.ingest.SourceDefinition;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;
import org.cluetrain.web.page.Messages;
import org.cluetrain.web.page.PageContext;
import org.cluetrain.web.page.Templates;

/**
 * Every source this person may see, {@code /sources}: the health of the polled ones (state, last
 * fetch and success, errors, failures in a row, items, next attempt), each one's coverage over the
 * last day with the gaps from the gap ledger marked and listed, and the posts stored from each
 * source, imports included.
 */
public final class SourcePages {
  private final EmbeddedRuntime runtime;

  private SourcePages(EmbeddedRuntime runtime) {
    this.runtime = runtime;
  }

  public static void register(Javalin app, EmbeddedRuntime runtime) {
    SourcePages pages = new SourcePages(runtime);
    app.get("/sources", pages::page, Access.VIEWER);
    app.post("/sources/defined", pages::define, Access.ADMIN);
    app.post("/sources/defined/remove", pages::remove, Access.ADMIN);
    app.post("/sources/retention/run", pages::runRetention, Access.ADMIN);
  }

  /** Runs retention now, for an admin's "Run now": recorded and audited under their name. */
  private void runRetention(Context ctx) {
    Account account = Authentication.requireAccount(ctx);
    var report = runtime.retention().run(false, null, account.name());
    ctx.redirect(
        "/sources?retention=" + report.posts() + "&items=" + report.inboxItems() + "#retention");
  }

  /**
   * How long a project keeps a source's posts, in the reader's language: {@code 15 months}, {@code
   * 3 years}, or {@code keep forever}.
   */
  static String retentionLabel(org.cluetrain.app.workspace.RetentionPeriod period, Messages t) {
    if (period.forever()) {
      return t.get("sources.retention.forever");
    }
    java.time.Period p = period.period();
    List<String> parts = new ArrayList<>();
    if (p.getYears() > 0) {
      parts.add(t.get("sources.retention.years", p.getYears()));
    }
    if (p.getMonths() > 0) {
      parts.add(t.get("sources.retention.months", p.getMonths()));
    }
    if (p.getDays() > 0) {
      parts.add(t.get("sources.retention.days", p.getDays()));
    }
    return String.join(" ", parts);
  }

  /** The kinds of source the form adds. */
  public static final List<String> KINDS =
      List.of("mastodon", "hackernews", "bluesky", "forum", "youtube");

  /** The API a Hacker News or Bluesky source uses when the form names none. */
  private static final Map<String, String> DEFAULT_API =
      Map.of(
          "hackernews new", "https://hacker-news.firebaseio.com",
          "hackernews search", "https://hn.algolia.com",
          "bluesky", "https://public.api.bsky.app",
          "youtube", "https://www.googleapis.com");

  /**
   * The form adding or changing a source, as typed.
   *
   * @param kind one of {@link #KINDS}
   * @param instance the Mastodon instance, a forum thread's or board's address, or the API of
   *     another kind (empty: its public one)
   * @param timeline one of tag, list, search, public, local (Mastodon)
   * @param value the hashtag, list id or search query; for Hacker News the search query (empty: the
   *     new stories); for Bluesky the search query or an {@code @handle}; for YouTube a video id or
   *     a channel id ({@code UC…})
   * @param tokenEnv the environment variable holding the token (Mastodon) or the API key (YouTube)
   */
  public record SourceForm(
      String kind,
      String project,
      String name,
      String instance,
      String timeline,
      String value,
      String tokenEnv,
      boolean stream,
      long everyMinutes) {
    static SourceForm empty(String project) {
      return new SourceForm("mastodon", project, "", "https://", "tag", "", "", false, 5);
    }

    static SourceForm of(SourceDefinition d) {
      if (!d.kind().equals("mastodon")) {
        String author = d.setting("author");
        String value =
            author != null
                ? "@" + author
                : Objects.requireNonNullElse(
                    d.setting("search"),
                    Objects.requireNonNullElse(
                        d.setting("video"), Objects.requireNonNullElse(d.setting("channel"), "")));
        return new SourceForm(
            d.kind(),
            d.project(),
            d.name(),
            d.url(),
            "tag",
            value,
            Objects.requireNonNullElse(d.setting("key-env"), ""),
            false,
            Math.max(1, d.everySeconds() / 60));
      }
      String timeline = "timeline";
      String value = "";
      for (String key : List.of("tag", "list", "search")) {
        if (d.setting(key) != null) {
          timeline = key;
          value = d.setting(key);
        }
      }
      if (timeline.equals("timeline")) {
        timeline = Objects.requireNonNullElse(d.setting("timeline"), "public");
      }
      return new SourceForm(
          "mastodon",
          d.project(),
          d.name(),
          d.url(),
          timeline,
          value,
          Objects.requireNonNullElse(d.setting("token-env"), ""),
          "true".equals(d.setting("stream")),
          Math.max(1, d.everySeconds() / 60));
    }
  }

  private void define(Context ctx) {
    Account account = Authentication.requireAccount(ctx);
    String project = param(ctx, "project");
    SourceForm form =
        new SourceForm(
            param(ctx, "kind").isEmpty() ? "mastodon" : param(ctx, "kind"),
            project,
            param(ctx, "name"),
            param(ctx, "instance"),
            param(ctx, "timeline"),
            param(ctx, "value"),
            param(ctx, "token-env"),
            ctx.formParam("stream") != null,
            parseMinutes(param(ctx, "every")));
    String problem = problem(form, account);
    if (problem != null) {
      render(ctx, form, problem, HttpStatus.BAD_REQUEST);
      return;
    }
    runtime.sourceStates().saveDefinition(definition(form));
    ctx.redirect("/sources?saved=" + URLEncoder.encode(form.name(), StandardCharsets.UTF_8));
  }

  private void remove(Context ctx) {
    String project = param(ctx, "project");
    String name = param(ctx, "name");
    runtime.sourceStates().removeDefinition(project, name);
    ctx.redirect("/sources?removed=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
  }

  private static String param(Context ctx, String name) {
    return Objects.requireNonNullElse(ctx.formParam(name), "").strip();
  }

  private static long parseMinutes(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException notANumber) {
      return -1;
    }
  }

  private static SourceDefinition definition(SourceForm form) {
    if (!form.kind().equals("mastodon")) {
      return otherDefinition(form);
    }
    Map<String, String> settings = new LinkedHashMap<>();
    if (form.timeline().equals("public") || form.timeline().equals("local")) {
      settings.put("timeline", form.timeline());
    } else {
      settings.put(form.timeline(), form.value());
    }
    if (!form.tokenEnv().isEmpty()) {
      settings.put("token-env", form.tokenEnv());
    }
    if (form.stream()) {
      settings.put("stream", "true");
    }
    return new SourceDefinition(
        form.project(),
        form.name(),
        "mastodon",
        form.instance(),
        settings,
        form.everyMinutes() * 60);
  }

  /** A Hacker News, Bluesky or forum source, with the settings its workspace key would have. */
  private static SourceDefinition otherDefinition(SourceForm form) {
    Map<String, String> settings = new LinkedHashMap<>();
    String api;
    if (form.kind().equals("forum")) {
      return new SourceDefinition(
          form.project(),
          form.name(),
          "forum",
          form.instance(),
          settings,
          form.everyMinutes() * 60);
    }
    if (form.kind().equals("youtube")) {
      settings.put(form.value().startsWith("UC") ? "channel" : "video", form.value());
      settings.put("key-env", form.tokenEnv());
      api = DEFAULT_API.get("youtube");
    } else if (form.kind().equals("hackernews")) {
      String mode = form.value().isEmpty() ? "new" : "search";
      settings.put("mode", mode);
      if (!form.value().isEmpty()) {
        settings.put("search", form.value());
      }
      api = DEFAULT_API.get("hackernews " + mode);
    } else {
      if (form.value().startsWith("@")) {
        settings.put("author", form.value().substring(1).toLowerCase(java.util.Locale.ROOT));
      } else {
        settings.put("search", form.value());
      }
      api = DEFAULT_API.get("bluesky");
    }
    boolean named = form.instance().matches("https?://[^/\\s]+/?");
    return new SourceDefinition(
        form.project(),
        form.name(),
        form.kind(),
        named ? form.instance() : Objects.requireNonNull(api),
        settings,
        form.everyMinutes() * 60);
  }

  /** What is wrong with the form, in words naming the field and the value, or null. */
  private String problem(SourceForm form, Account account) {
    if (runtime.workspace().project(form.project()).isEmpty() || !account.canSee(form.project())) {
      return "project '" + form.project() + "' is not one of the workspace's projects";
    }
    if (form.name().isEmpty() || form.name().length() > 80) {
      return "the name must not be empty and at most 80 characters";
    }
    if (!KINDS.contains(form.kind())) {
      return "'" + form.kind() + "' is not one of " + String.join(", ", KINDS);
    }
    if (form.kind().equals("forum") && !form.instance().matches("https?://[^/\\s]+(/\\S*)?")) {
      return "forum '"
          + form.instance()
          + "' is not the address of a thread or board such as"
          + " https://forum.example/viewtopic.php?t=7";
    }
    if (form.kind().equals("youtube")) {
      if (!form.value().matches("[A-Za-z0-9_-]{11}|UC[A-Za-z0-9_-]{22}")) {
        return "YouTube '"
            + form.value()
            + "' is neither a video id such as dQw4w9WgXcQ nor a channel id such as"
            + " UCuAXFkgsw1L7xaCfnd5JJOw";
      }
      if (!form.tokenEnv().matches("[A-Za-z_][A-Za-z0-9_]*")) {
        return "a YouTube source needs the environment variable holding the Data API key";
      }
    }
    if (form.kind().equals("bluesky") && form.value().isEmpty()) {
      return "a Bluesky source needs a search query or an account such as @acme.bsky.social";
    }
    if (form.kind().equals("mastodon")) {
      String mastodonProblem = mastodonProblem(form);
      if (mastodonProblem != null) {
        return mastodonProblem;
      }
    }
    SourceDefinition definition = definition(form);
    if (form.everyMinutes() < 1) {
      return "'every' must be a whole number of minutes, at least 1";
    }
    try {
      runtime.workspace().network().check(URI.create(definition.url()));
    } catch (RefusedAddressException refused) {
      return "instance '"
          + definition.url()
          + "' is refused: "
          + refused.reason()
          + " (an admin allows such addresses in the workspace's network section)";
    } catch (java.net.UnknownHostException notFoundNow) {
      // the host may come back: the source's health will say so
    } catch (IllegalArgumentException badUri) {
      return "instance '" + definition.url() + "' is not a valid address";
    }
    try {
      LiveSources.source(
          form.project(),
          LiveSources.asLiveSource(definition),
          new ApiClient(ApiClient.Settings.DEFAULT, java.time.Clock.systemUTC()),
          System::getenv);
    } catch (IllegalArgumentException unusable) {
      return unusable.getMessage();
    }
    return null;
  }

  /** What is wrong with a Mastodon source's own fields, or null. */
  private static @org.jspecify.annotations.Nullable String mastodonProblem(SourceForm form) {
    if (!form.instance().matches("https?://[^/\\s]+/?")) {
      return "instance '"
          + form.instance()
          + "' is not a Mastodon instance address such as https://mastodon.social";
    }
    if (!List.of("tag", "list", "search", "public", "local").contains(form.timeline())) {
      return "'" + form.timeline() + "' is not one of tag, list, search, public, local";
    }
    boolean needsValue = !form.timeline().equals("public") && !form.timeline().equals("local");
    if (needsValue && form.value().isEmpty()) {
      return "a " + form.timeline() + " source needs the " + form.timeline() + " to listen to";
    }
    return null;
  }

  private static long parseLong(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** How far back the coverage timeline of each source reaches. */
  static final Duration COVERAGE_WINDOW = Duration.ofHours(24);

  /** Posts stored from one source for one project. */
  public record StoredCount(String project, String sourceId, long posts) {}

  private void page(Context ctx) {
    render(ctx, null, null, HttpStatus.OK);
  }

  private void render(Context ctx, SourceForm form, String problem, HttpStatus status) {
    Account account = Authentication.requireAccount(ctx);
    List<String> projects =
        runtime.workspace().projects().stream()
            .map(Workspace.Project::name)
            .filter(account::canSee)
            .toList();
    PageContext page =
        Authentication.page(ctx, projects.isEmpty() ? null : projects.get(0), "sources");
    List<SourceHealth> health =
        runtime.sourceStates().health().stream()
            .filter(
                h ->
                    h.project() == null
                        ? account.seesAllProjects()
                        : projects.contains(h.project()))
            .toList();
    Map<String, Long> feedPosts = new HashMap<>();
    List<StoredCount> stored = new ArrayList<>();
    for (String project : projects) {
      for (Map.Entry<String, Long> entry : runtime.rollups().postsBySource(project).entrySet()) {
        stored.add(new StoredCount(project, entry.getKey(), entry.getValue()));
        feedPosts.merge(project + " " + entry.getKey(), entry.getValue(), Long::sum);
      }
    }
    Map<String, String> retention = new HashMap<>();
    for (String project : projects) {
      runtime
          .retention()
          .periods(project)
          .forEach(
              (sourceId, period) ->
                  retention.put(
                      project + " " + sourceId, retentionLabel(period.period(), page.t())));
    }
    for (SourceHealth h : health) {
      if (h.project() != null && projects.contains(h.project())) {
        retention.computeIfAbsent(
            h.project() + " " + h.sourceId(),
            key ->
                retentionLabel(
                    org.cluetrain.app.retention.RetentionPolicy.of(
                            runtime.workspace().project(h.project()).orElseThrow(), h.sourceId())
                        .period(),
                    page.t()));
      }
    }
    Map<String, Long> healthPosts = new LinkedHashMap<>();
    Map<String, CoverageTimeline> coverage = new HashMap<>();
    Instant now = Instant.now();
    for (SourceHealth h : health) {
      healthPosts.put(h.sourceId(), feedPosts.getOrDefault(h.project() + " " + h.sourceId(), 0L));
      coverage.put(
          h.sourceId(),
          CoverageTimeline.of(
              h,
              runtime.gaps().gaps(h.sourceId(), now.minus(COVERAGE_WINDOW), now),
              now,
              COVERAGE_WINDOW));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("health", health);
    model.put("healthPosts", healthPosts);
    model.put("coverage", coverage);
    boolean admin = account.may(org.cluetrain.access.Role.ADMIN);
    model.put("admin", admin);
    List<SourceDefinition> defined =
        runtime.sourceStates().definitions().stream()
            .filter(d -> projects.contains(d.project()))
            .toList();
    model.put("defined", defined);
    model.put("projects", projects);
    SourceForm shown = form;
    String editing = ctx.queryParam("edit");
    if (shown == null && editing != null) {
      shown =
          defined.stream()
              .filter(d -> (d.project() + "/" + d.name()).equals(editing))
              .findFirst()
              .map(SourceForm::of)
              .orElse(null);
    }
    model.put(
        "form",
        shown != null ? shown : SourceForm.empty(projects.isEmpty() ? "" : projects.get(0)));
    model.put("problem", problem);
    String saved = ctx.queryParam("saved");
    String removed = ctx.queryParam("removed");
    model.put(
        "notice",
        saved != null
            ? page.t().get("sources.defined.saved", saved)
            : removed != null ? page.t().get("sources.defined.removed", removed) : null);
    ctx.status(status);
    model.put("stored", stored);
    model.put("retention", retention);
    model.put("lastRun", runtime.retention().lastRun().orElse(null));
    model.put("nextRun", runtime.retentionSchedule().nextRun());
    String ran = ctx.queryParam("retention");
    if (ran != null && model.get("notice") == null) {
      model.put(
          "notice",
          page.t()
              .get(
                  "sources.retention.ran",
                  parseLong(ran),
                  parseLong(Objects.requireNonNullElse(ctx.queryParam("items"), "0"))));
    }
    Templates.page(ctx, "sources/sources.jte", model);
  }
}
