package org.cluetrain.web.mentions;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.export.ExportFormat;
import org.cluetrain.app.export.ExportKind;
import org.cluetrain.app.export.Exports;
import org.cluetrain.app.mentions.MentionFilter;
import org.cluetrain.match.MatchHighlighter.Span;
import org.cluetrain.model.PostKind;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.query.SavedQuery;
import org.cluetrain.store.SearchPage;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.StoredPost;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;
import org.cluetrain.web.page.PageContext;
import org.cluetrain.web.page.Templates;

/**
 * The mentions of a project, {@code /p/{project}/mentions}: matched posts, newest first, narrowed
 * by the filters of the page (each an exact filter of the store) and by a search in the query
 * language. Every post shows why it matched: the words its saved queries and the search found.
 */
public final class MentionPages {
  /** Posts per step of "more". */
  static final int PAGE = 25;

  /** The {@code query} filter's value for every stored post, matched or not. */
  public static final String ALL = MentionFilter.ALL;

  /** The {@code query} filter's value for every one of the project's own queries. */
  public static final String BRAND = MentionFilter.BRAND;

  /** The {@code query} filter's value for every competitor query. */
  public static final String COMPETITORS = MentionFilter.COMPETITORS;

  private final EmbeddedRuntime runtime;

  private MentionPages(EmbeddedRuntime runtime) {
    this.runtime = runtime;
  }

  public static void register(Javalin app, EmbeddedRuntime runtime) {
    app.get("/p/{project}/mentions", new MentionPages(runtime)::page, Access.VIEWER);
  }

  /** What the filter form holds, as typed, so that the page shows it again. */
  public record Form(
      String q,
      String query,
      String sentiment,
      String lang,
      String source,
      String kind,
      String since,
      String until,
      String answered,
      String author,
      int limit) {

    /** The filters the form holds, as the page, the export and the command line apply them. */
    public MentionFilter filter() {
      return new MentionFilter(
          q, query, sentiment, lang, source, kind, since, until, answered, author);
    }

    /** The address of an export of the mentions this form selects, in a format. */
    public String exportLink(String project, String format) {
      return Exports.address(project, ExportKind.MENTIONS, ExportFormat.parse(format), filter());
    }

    /** This form's address with one value changed, e.g. for "more" or removing a filter. */
    public String link(String project, String name, String value) {
      Map<String, String> values = filter().fields();
      values.put("limit", limit == PAGE ? null : Integer.toString(limit));
      values.put(name, value);
      String parameters = MentionFilter.parameters(values);
      return "/p/" + project + "/mentions" + (parameters.isEmpty() ? "" : "?" + parameters);
    }
  }

  /** A post as the page shows it. */
  public record Mention(
      StoredPost stored, HighlightedText highlighted, List<String> queries, String threadLink) {}

  private void page(Context ctx) {
    String project = Authentication.pathProject(ctx, runtime);
    PageContext page = Authentication.page(ctx, project, "mentions");
    Form form = form(ctx);
    List<SavedQuery> queries =
        runtime.queries().queries().stream().filter(q -> q.project().equals(project)).toList();
    Map<String, String> errors = new LinkedHashMap<>();
    MentionFilter.Resolved resolved = form.filter().resolve(project, queries, Instant.now());
    resolved
        .problems()
        .forEach(
            (field, problem) ->
                errors.put(field, page.t().get(problem.key(), problem.arguments().toArray())));
    SearchPage found = null;
    int caret = 0;
    if (errors.isEmpty()) {
      try {
        found = runtime.store().search(resolved.request(form.limit()));
      } catch (QuerySyntaxException e) {
        errors.put(
            "q", page.t().get("mentions.error.syntax", e.position(), e.message(page.t().locale())));
        caret = e.position();
      } catch (IllegalArgumentException e) {
        errors.put("q", e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      ctx.status(400);
    }
    Map<String, SavedQuery> byId = new HashMap<>();
    queries.forEach(q -> byId.put(q.id(), q));
    List<Mention> mentions = new ArrayList<>();
    if (found != null) {
      for (StoredPost stored : found.posts()) {
        mentions.add(mention(stored, form.q(), byId));
      }
    }
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("form", form);
    model.put("errors", errors);
    model.put("caret", caret);
    model.put("queries", queries);
    model.put("languages", runtime.workspace().languages());
    model.put("sources", sources(project));
    model.put("kinds", List.of(PostKind.values()));
    model.put("total", found == null ? -1L : found.totalHits());
    model.put("mentions", mentions);
    model.put(
        "more",
        found != null
            && found.totalHits() > mentions.size()
            && form.limit() + PAGE <= SearchRequest.MAX_LIMIT);
    Templates.page(ctx, "mentions/mentions.jte", model);
  }

  private Mention mention(StoredPost stored, String search, Map<String, SavedQuery> queries) {
    List<Span> spans = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String id : stored.matchedQueries()) {
      SavedQuery query = queries.get(id);
      if (query != null) {
        names.add(query.name());
        spans.addAll(spans(query.text(), stored));
      }
    }
    if (search != null && !search.isBlank()) {
      spans.addAll(spans(search, stored));
    }
    spans.sort(java.util.Comparator.comparingInt(Span::start).thenComparingInt(Span::end));
    return new Mention(
        stored,
        HighlightedText.of(stored.post(), spans),
        names,
        org.cluetrain.web.threads.ThreadLinks.path(stored.post().threadId(), stored.post().id()));
  }

  private List<Span> spans(String query, StoredPost stored) {
    try {
      return runtime.highlighter().highlight(query, stored.post());
    } catch (QuerySyntaxException | IllegalArgumentException e) {
      return List.of(); // the search reported it already; a saved query's problem is on its page
    }
  }

  private List<String> sources(String project) {
    return runtime.sourceStates().health().stream()
        .filter(h -> project.equals(h.project()))
        .map(h -> h.sourceId())
        .toList();
  }

  private static Form form(Context ctx) {
    int limit = PAGE;
    String text = ctx.queryParam("limit");
    if (text != null) {
      try {
        limit = Math.max(1, Math.min(SearchRequest.MAX_LIMIT, Integer.parseInt(text)));
      } catch (NumberFormatException e) {
        limit = PAGE;
      }
    }
    return new Form(
        param(ctx, "q"),
        param(ctx, "query"),
        param(ctx, "sentiment"),
        param(ctx, "lang"),
        param(ctx, "source"),
        param(ctx, "kind"),
        param(ctx, "since"),
        param(ctx, "until"),
        param(ctx, "answered"),
        param(ctx, "author"),
        limit);
  }

  private static String param(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null ? "" : value.strip();
  }
}
