package org.cluetrain.web.inbox;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.cluetrain.access.Account;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.inbox.Inbox;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.inbox.InboxItem;
import org.cluetrain.inbox.InboxQuery;
import org.cluetrain.inbox.Priority;
import org.cluetrain.inbox.SavedReply;
import org.cluetrain.inbox.Status;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.StoredPost;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;
import org.cluetrain.web.page.PageContext;
import org.cluetrain.web.page.Templates;

/**
 * The inbox's pages: the list of a project's items with filters, an item with everything needed to
 * answer it, the saved replies, and making an item of a post by hand. Everybody who sees the
 * project reads; analysts and admins act (plain forms that come back to the page, with any error
 * shown beside the form it belongs to).
 */
public final class InboxPages {
  /** How many of the author's earlier posts and items the item page shows. */
  static final int AUTHOR_HISTORY = 10;

  private final EmbeddedRuntime runtime;
  private final Inbox inbox;

  private InboxPages(EmbeddedRuntime runtime) {
    this.runtime = runtime;
    this.inbox = runtime.inbox();
  }

  /** Registers the inbox's pages, forms and JSON API. */
  public static void register(Javalin app, EmbeddedRuntime runtime) {
    InboxPages pages = new InboxPages(runtime);
    app.get("/p/{project}/inbox", pages::list, Access.VIEWER);
    app.post("/p/{project}/inbox", pages::createFromPost, Access.ANALYST);
    app.get("/p/{project}/inbox/new", pages::postView, Access.VIEWER);
    app.get("/p/{project}/inbox/replies", pages::replies, Access.VIEWER);
    app.post("/p/{project}/inbox/replies", pages::addReply, Access.ANALYST);
    app.post("/p/{project}/inbox/replies/{id}/delete", pages::deleteReply, Access.ANALYST);
    app.get("/inbox/{id}", ctx -> pages.item(ctx, Map.of(), Map.of()), Access.VIEWER);
    app.post("/inbox/{id}/assign", pages::assign, Access.ANALYST);
    app.post("/inbox/{id}/status", pages::status, Access.ANALYST);
    app.post("/inbox/{id}/priority", pages::priority, Access.ANALYST);
    app.post("/inbox/{id}/tags", pages::tags, Access.ANALYST);
    app.post("/inbox/{id}/note", pages::note, Access.ANALYST);
    app.post("/inbox/{id}/response", pages::response, Access.ANALYST);
    InboxApi.register(app, runtime, pages);
  }

  // --- the list ---------------------------------------------------------------------------------

  /**
   * The list's filters as the query string gives them.
   *
   * @param status {@code active} (open and pending), {@code all}, or statuses separated by commas
   * @param assignee empty for anyone, {@code me}, {@code unassigned} or an account name
   * @param priority empty for any, or a priority
   * @param tag empty for any, or a tag
   * @param overdue only overdue items
   * @param mine the account asking
   */
  public record Filters(
      String status, String assignee, String priority, String tag, boolean overdue, String mine) {}

  private void list(Context ctx) {
    String project = project(ctx);
    Account account = Authentication.requireAccount(ctx);
    PageContext page = Authentication.page(ctx, project, "inbox");
    Filters filters =
        new Filters(
            Optional.ofNullable(ctx.queryParam("status")).orElse("active"),
            Optional.ofNullable(ctx.queryParam("assignee")).orElse(""),
            Optional.ofNullable(ctx.queryParam("priority")).orElse(""),
            Optional.ofNullable(ctx.queryParam("tag")).orElse(""),
            "on".equals(ctx.queryParam("overdue")) || "true".equals(ctx.queryParam("overdue")),
            account.name());
    InboxQuery query = query(project, filters, account, 200, BadRequestResponse::new);
    List<InboxItem> items = inbox.items(query);
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("filters", filters);
    model.put("items", items);
    model.put("slas", slas(items));
    model.put("counts", inbox.counts(project));
    model.put("overdueCount", inbox.overdue(project));
    model.put("assignees", inbox.assignees(project));
    model.put("tags", inbox.tags(project));
    Templates.page(ctx, "inbox/list.jte", model);
  }

  /**
   * The query the filters ask for.
   *
   * @param bad makes the exception for a filter value that is not allowed
   */
  InboxQuery query(
      String project,
      Filters filters,
      Account account,
      int limit,
      Function<String, RuntimeException> bad) {
    Set<Status> statuses =
        switch (filters.status()) {
          case "active", "" -> EnumSet.of(Status.OPEN, Status.PENDING);
          case "all" -> Set.of();
          default -> {
            Set<Status> chosen = EnumSet.noneOf(Status.class);
            for (String s : filters.status().split(",")) {
              try {
                chosen.add(Status.parse(s));
              } catch (IllegalArgumentException e) {
                throw bad.apply(e.getMessage() + " (or active, all)");
              }
            }
            yield chosen;
          }
        };
    String assignee =
        switch (filters.assignee()) {
          case "", "unassigned" -> null;
          case "me", "mine" -> account.name();
          default -> filters.assignee();
        };
    Priority priority;
    try {
      priority = filters.priority().isEmpty() ? null : Priority.parse(filters.priority());
    } catch (IllegalArgumentException e) {
      throw bad.apply(e.getMessage());
    }
    return new InboxQuery(
        project,
        statuses,
        assignee,
        filters.assignee().equals("unassigned"),
        priority,
        filters.tag().isEmpty() ? null : filters.tag(),
        filters.overdue(),
        inbox.now(),
        limit);
  }

  Map<Long, Inbox.Sla> slas(List<InboxItem> items) {
    Map<Long, Inbox.Sla> slas = new LinkedHashMap<>();
    items.forEach(i -> slas.put(i.id(), inbox.sla(i)));
    return slas;
  }

  // --- one item ---------------------------------------------------------------------------------

  /**
   * The item page.
   *
   * @param errors a message per form that was refused ({@code note}, {@code response}, …)
   * @param values what the person had typed into a refused form, to keep it
   */
  private void item(Context ctx, Map<String, String> errors, Map<String, String> values) {
    InboxItem item = requireItem(ctx, inbox);
    PageContext page = Authentication.page(ctx, item.project(), "inbox");
    Optional<StoredPost> post = runtime.store().get(item.postId());
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("item", item);
    model.put("sla", inbox.sla(item));
    model.put("post", post.orElse(null));
    model.put("log", inbox.log(item.id()));
    model.put("earlierPosts", post.map(this::earlierPosts).orElse(List.of()));
    model.put(
        "earlierItems", inbox.byAuthor(item.project(), item.authorId(), item.id(), AUTHOR_HISTORY));
    model.put("assignees", inbox.assignees(item.project()));
    model.put("replies", inbox.replies(item.project()));
    model.put("errors", errors);
    model.put("values", values);
    model.put("chosenReply", chosenReply(ctx, item.project()));
    model.put("hours", inbox.settings(item.project()).hours().toString());
    if (!errors.isEmpty()) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
    }
    Templates.page(ctx, "inbox/item.jte", model);
  }

  /** The saved reply picked without script ({@code ?reply=ID}), to fill the response field. */
  private SavedReply chosenReply(Context ctx, String project) {
    String id = ctx.queryParam("reply");
    if (id == null || id.isBlank()) {
      return null;
    }
    return inbox.replies(project).stream()
        .filter(r -> Long.toString(r.id()).equals(id))
        .findFirst()
        .orElse(null);
  }

  /** The author's posts in the project before this one, newest first. */
  private List<StoredPost> earlierPosts(StoredPost stored) {
    var post = stored.post();
    if (post.author() == null) {
      return List.of();
    }
    SearchRequest.Filters byAuthor =
        new SearchRequest.Filters(List.of(), null, null, null, null, post.author().id(), null);
    try {
      return runtime
          .store()
          .search(
              new SearchRequest(
                  "", post.project(), null, post.published(), AUTHOR_HISTORY, byAuthor))
          .posts();
    } catch (QuerySyntaxException impossible) {
      throw new IllegalStateException(impossible); // the empty query always parses
    }
  }

  private void assign(Context ctx) {
    act(ctx, "assign", (item, actor) -> inbox.assign(item.id(), ctx.formParam("assignee"), actor));
  }

  private void status(Context ctx) {
    act(
        ctx,
        "status",
        (item, actor) -> inbox.status(item.id(), Status.parse(ctx.formParam("status")), actor));
  }

  private void priority(Context ctx) {
    act(
        ctx,
        "priority",
        (item, actor) ->
            inbox.priority(item.id(), Priority.parse(ctx.formParam("priority")), actor));
  }

  private void tags(Context ctx) {
    act(
        ctx,
        "tags",
        (item, actor) -> inbox.tags(item.id(), splitTags(ctx.formParam("tags")), actor));
  }

  private void note(Context ctx) {
    act(ctx, "note", (item, actor) -> inbox.note(item.id(), ctx.formParam("text"), actor));
  }

  private void response(Context ctx) {
    act(
        ctx,
        "response",
        (item, actor) ->
            inbox.respond(item.id(), ctx.formParam("text"), ctx.formParam("url"), actor));
  }

  static List<String> splitTags(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
  }

  /** A change to an item. */
  @FunctionalInterface
  interface Action {
    void apply(InboxItem item, String actor);
  }

  /** Runs a form's change and comes back to the item; a refused change is shown in place. */
  private void act(Context ctx, String form, Action action) {
    InboxItem item = requireItem(ctx, inbox);
    String actor = Authentication.requireAccount(ctx).name();
    try {
      action.apply(item, actor);
    } catch (IllegalArgumentException e) {
      Map<String, String> values = new HashMap<>();
      for (String field : List.of("text", "url", "tags")) {
        if (ctx.formParam(field) != null) {
          values.put(form + "." + field, ctx.formParam(field));
        }
      }
      item(ctx, Map.of(form, e.getMessage()), values);
      return;
    }
    ctx.redirect("/inbox/" + item.id() + "#" + form);
  }

  /**
   * The item the path's {@code {id}} names: 404 when there is none, 403 when the person may not see
   * its project. The JSON API shares it.
   */
  static InboxItem requireItem(Context ctx, Inbox inbox) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new NotFoundResponse("there is no inbox item " + ctx.pathParam("id"));
    }
    InboxItem item =
        inbox.item(id).orElseThrow(() -> new NotFoundResponse("there is no inbox item " + id));
    Authentication.requireProject(ctx, item.project());
    return item;
  }

  /** Deletes the saved reply the path's {@code {id}} names in {@code project}: 404 when none. */
  static void deleteNamedReply(Context ctx, Inbox inbox, String project) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new NotFoundResponse("there is no saved reply " + ctx.pathParam("id"));
    }
    if (!inbox.deleteReply(project, id)) {
      throw new NotFoundResponse("there is no saved reply " + id + " in the project");
    }
    Authentication.audit(
        ctx, AuditKind.CONFIGURATION_CHANGED, project, "saved reply " + id + " deleted");
  }

  // --- making an item by hand -------------------------------------------------------------------

  /** A post seen from the inbox: its item if it has one, else a button to make one. */
  private void postView(Context ctx) {
    String project = project(ctx);
    String postId = ctx.queryParam("post");
    if (postId == null || postId.isBlank()) {
      throw new BadRequestResponse("name the post: ?post=ID");
    }
    StoredPost post =
        runtime
            .store()
            .get(postId)
            .filter(p -> project.equals(p.post().project()))
            .orElseThrow(
                () ->
                    new NotFoundResponse(
                        "the project '" + project + "' has no post with id " + postId));
    Optional<InboxItem> existing = inbox.item(project, postId);
    if (existing.isPresent()) {
      ctx.redirect("/inbox/" + existing.get().id());
      return;
    }
    Map<String, Object> model = new HashMap<>();
    model.put("page", Authentication.page(ctx, project, "inbox"));
    model.put("post", post);
    Templates.page(ctx, "inbox/post.jte", model);
  }

  private void createFromPost(Context ctx) {
    String project = project(ctx);
    String postId = ctx.formParam("post");
    if (postId == null || postId.isBlank()) {
      throw new BadRequestResponse("name the post: the form field 'post'");
    }
    try {
      Inbox.Created created =
          inbox.create(project, postId, Authentication.requireAccount(ctx).name());
      ctx.redirect("/inbox/" + created.item().id());
    } catch (NoSuchElementException e) {
      throw new NotFoundResponse(e.getMessage());
    }
  }

  // --- saved replies ----------------------------------------------------------------------------

  private void replies(Context ctx) {
    repliesPage(ctx, project(ctx), null, "", "");
  }

  private void repliesPage(Context ctx, String project, String error, String name, String text) {
    Map<String, Object> model = new HashMap<>();
    model.put("page", Authentication.page(ctx, project, "inbox"));
    model.put("replies", inbox.replies(project));
    model.put("error", error);
    model.put("name", name);
    model.put("text", text);
    if (error != null) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
    }
    Templates.page(ctx, "inbox/replies.jte", model);
  }

  private void addReply(Context ctx) {
    String project = project(ctx);
    String name = Optional.ofNullable(ctx.formParam("name")).orElse("");
    String text = Optional.ofNullable(ctx.formParam("text")).orElse("");
    try {
      inbox.saveReply(project, name, text, Authentication.requireAccount(ctx).name());
    } catch (IllegalArgumentException e) {
      repliesPage(ctx, project, e.getMessage(), name, text);
      return;
    }
    Authentication.audit(
        ctx, AuditKind.CONFIGURATION_CHANGED, project, "saved reply '" + name + "' saved");
    ctx.redirect("/p/" + project + "/inbox/replies");
  }

  private void deleteReply(Context ctx) {
    String project = project(ctx);
    deleteNamedReply(ctx, inbox, project);
    ctx.redirect("/p/" + project + "/inbox/replies");
  }

  // --- shared -----------------------------------------------------------------------------------

  /** The path's project, once it is known to exist and the account may see it. */
  String project(Context ctx) {
    return Authentication.pathProject(ctx, runtime);
  }

  /** The link that shows a post from the inbox (its item, or a button to make one). */
  public static String postLink(String project, String postId) {
    return "/p/" + project + "/inbox/new?post=" + URLEncoder.encode(postId, StandardCharsets.UTF_8);
  }
}
