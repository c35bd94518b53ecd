package org.cluetrain.web.inbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.cluetrain.access.Account;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.inbox.Inbox;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.inbox.InboxEvent;
import org.cluetrain.inbox.InboxItem;
import org.cluetrain.inbox.InboxQuery;
import org.cluetrain.inbox.Priority;
import org.cluetrain.inbox.SavedReply;
import org.cluetrain.inbox.Status;
import org.cluetrain.json.Json;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;

/**
 * The inbox's JSON API: the same reads and changes as the pages, with the same roles. Bodies are
 * JSON objects; every error is {@code {"error": "…"}} naming what is wrong.
 */
final class InboxApi {
  private static final ObjectMapper JSON = Json.mapper();

  private final EmbeddedRuntime runtime;
  private final Inbox inbox;
  private final InboxPages pages;

  private InboxApi(EmbeddedRuntime runtime, InboxPages pages) {
    this.runtime = runtime;
    this.inbox = runtime.inbox();
    this.pages = pages;
  }

  static void register(Javalin app, EmbeddedRuntime runtime, InboxPages pages) {
    InboxApi api = new InboxApi(runtime, pages);
    app.get("/api/projects/{project}/inbox", api::list, Access.VIEWER);
    app.post("/api/projects/{project}/inbox", api::create, Access.ANALYST);
    app.get("/api/projects/{project}/inbox/replies", api::replies, Access.VIEWER);
    app.post("/api/projects/{project}/inbox/replies", api::addReply, Access.ANALYST);
    app.delete("/api/projects/{project}/inbox/replies/{id}", api::deleteReply, Access.ANALYST);
    app.get("/api/inbox/{id}", api::get, Access.VIEWER);
    app.patch("/api/inbox/{id}", api::update, Access.ANALYST);
    app.post("/api/inbox/{id}/notes", api::note, Access.ANALYST);
    app.post("/api/inbox/{id}/responses", api::respond, Access.ANALYST);
  }

  private void list(Context ctx) {
    String project = pages.project(ctx);
    Account account = Authentication.requireAccount(ctx);
    InboxPages.Filters filters =
        new InboxPages.Filters(
            Optional.ofNullable(ctx.queryParam("status")).orElse("active"),
            Optional.ofNullable(ctx.queryParam("assignee")).orElse(""),
            Optional.ofNullable(ctx.queryParam("priority")).orElse(""),
            Optional.ofNullable(ctx.queryParam("tag")).orElse(""),
            "true".equals(ctx.queryParam("overdue")),
            account.name());
    int limit = limit(ctx);
    InboxQuery query = pages.query(project, filters, account, limit, BadRequestResponse::new);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("project", project);
    json.put("counts", counts(project));
    json.put("items", inbox.items(query).stream().map(this::item).toList());
    ctx.json(json);
  }

  private Map<String, Object> counts(String project) {
    Map<String, Object> counts = new LinkedHashMap<>();
    inbox.counts(project).forEach((status, n) -> counts.put(status.label(), n));
    counts.put("overdue", inbox.overdue(project));
    return counts;
  }

  private void create(Context ctx) {
    String project = pages.project(ctx);
    Map<String, Object> body = body(ctx, "{\"post_id\": \"…\"}");
    if (!(body.get("post_id") instanceof String postId) || postId.isBlank()) {
      throw new BadRequestResponse("the body needs \"post_id\", the id of a post of the project");
    }
    try {
      Inbox.Created created =
          inbox.create(project, postId, Authentication.requireAccount(ctx).name());
      ctx.status(created.isNew() ? HttpStatus.CREATED : HttpStatus.OK).json(item(created.item()));
    } catch (NoSuchElementException e) {
      throw new NotFoundResponse(e.getMessage());
    }
  }

  private void get(Context ctx) {
    InboxItem item = InboxPages.requireItem(ctx, inbox);
    Map<String, Object> json = item(item);
    json.put("log", inbox.log(item.id()).stream().map(InboxApi::event).toList());
    ctx.json(json);
  }

  /** Applies the changes the body names, each logged; all are checked before any is made. */
  private void update(Context ctx) {
    InboxItem item = InboxPages.requireItem(ctx, inbox);
    String actor = Authentication.requireAccount(ctx).name();
    Map<String, Object> body =
        body(ctx, "{\"status\": \"done\", \"assignee\": \"ana\", \"priority\": \"high\", ...}");
    List<String> unknown = new ArrayList<>(body.keySet());
    unknown.removeAll(List.of("status", "assignee", "priority", "tags"));
    if (!unknown.isEmpty()) {
      throw new BadRequestResponse(
          "unknown fields " + unknown + "; an item's status, assignee, priority and tags change");
    }
    if (body.isEmpty()) {
      throw new BadRequestResponse("name what changes: status, assignee, priority or tags");
    }
    try {
      Status status = body.containsKey("status") ? Status.parse(text(body, "status")) : null;
      Priority priority =
          body.containsKey("priority") ? Priority.parse(text(body, "priority")) : null;
      List<String> tags = body.containsKey("tags") ? tags(body.get("tags")) : null;
      if (tags != null) {
        tags.forEach(t -> InboxItem.requireTag(t.strip().toLowerCase(java.util.Locale.ROOT)));
      }
      if (body.containsKey("assignee")) {
        inbox.assign(
            item.id(), body.get("assignee") == null ? null : text(body, "assignee"), actor);
      }
      if (status != null) {
        inbox.status(item.id(), status, actor);
      }
      if (priority != null) {
        inbox.priority(item.id(), priority, actor);
      }
      if (tags != null) {
        inbox.tags(item.id(), tags, actor);
      }
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
    ctx.json(item(inbox.item(item.id()).orElseThrow()));
  }

  private void note(Context ctx) {
    InboxItem item = InboxPages.requireItem(ctx, inbox);
    Map<String, Object> body = body(ctx, "{\"text\": \"…\"}");
    try {
      inbox.note(item.id(), text(body, "text"), Authentication.requireAccount(ctx).name());
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
    ctx.status(HttpStatus.CREATED).json(item(inbox.item(item.id()).orElseThrow()));
  }

  private void respond(Context ctx) {
    InboxItem item = InboxPages.requireItem(ctx, inbox);
    Map<String, Object> body = body(ctx, "{\"text\": \"…\", \"url\": \"https://…\"}");
    try {
      inbox.respond(
          item.id(),
          text(body, "text"),
          body.get("url") == null ? null : text(body, "url"),
          Authentication.requireAccount(ctx).name());
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
    ctx.status(HttpStatus.CREATED).json(item(inbox.item(item.id()).orElseThrow()));
  }

  private void replies(Context ctx) {
    ctx.json(inbox.replies(pages.project(ctx)).stream().map(InboxApi::reply).toList());
  }

  private void addReply(Context ctx) {
    String project = pages.project(ctx);
    Map<String, Object> body = body(ctx, "{\"name\": \"…\", \"text\": \"…\"}");
    try {
      SavedReply reply =
          inbox.saveReply(
              project,
              text(body, "name"),
              text(body, "text"),
              Authentication.requireAccount(ctx).name());
      Authentication.audit(
          ctx,
          AuditKind.CONFIGURATION_CHANGED,
          project,
          "saved reply '" + reply.name() + "' saved");
      ctx.status(HttpStatus.CREATED).json(reply(reply));
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
  }

  private void deleteReply(Context ctx) {
    InboxPages.deleteNamedReply(ctx, inbox, pages.project(ctx));
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private Map<String, Object> item(InboxItem item) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", item.id());
    json.put("project", item.project());
    json.put("post_id", item.postId());
    json.put("thread_id", item.threadId());
    json.put("author", item.authorName());
    json.put("author_id", item.authorId());
    json.put("summary", item.summary());
    json.put("source", item.sourceName());
    json.put("url", item.postUrl());
    json.put("published", iso(item.published()));
    json.put("status", item.status().label());
    json.put("priority", item.priority().label());
    json.put("assignee", item.assignee());
    json.put("tags", item.tags());
    json.put("rule", item.rule());
    json.put("created", iso(item.created()));
    json.put("updated", iso(item.updated()));
    json.put("responded", iso(item.responded()));
    Inbox.Sla sla = inbox.sla(item);
    Map<String, Object> clock = new LinkedHashMap<>();
    clock.put("target_minutes", sla.target().toMinutes());
    clock.put("elapsed_minutes", sla.elapsed().toMinutes());
    clock.put("due", iso(sla.due()));
    clock.put("running", sla.running());
    clock.put("overdue", sla.overdue());
    clock.put("business_hours", inbox.settings(item.project()).hours().toString());
    json.put("response_clock", clock);
    return json;
  }

  private static Map<String, Object> event(InboxEvent event) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("at", event.at().toString());
    json.put("actor", event.actor());
    json.put("kind", event.kind().label());
    json.put("detail", event.detail());
    json.put("url", event.url());
    return json;
  }

  private static Map<String, Object> reply(SavedReply reply) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", reply.id());
    json.put("name", reply.name());
    json.put("text", reply.text());
    json.put("created_by", reply.createdBy());
    json.put("created", reply.created().toString());
    return json;
  }

  private static String iso(java.time.Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static Map<String, Object> body(Context ctx, String example) {
    try {
      Map<String, Object> body =
          JSON.readValue(ctx.body(), new TypeReference<Map<String, Object>>() {});
      if (body == null) {
        throw new BadRequestResponse("the body must be a JSON object like " + example);
      }
      return body;
    } catch (IOException e) {
      throw new BadRequestResponse("the body must be a JSON object like " + example);
    }
  }

  private static String text(Map<String, Object> body, String field) {
    Object value = body.get(field);
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException("\"" + field + "\" must be a string");
    }
    return text;
  }

  private static List<String> tags(Object value) {
    if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
      throw new IllegalArgumentException("\"tags\" must be a list of strings");
    }
    return list.stream().map(String.class::cast).toList();
  }

  private static int limit(Context ctx) {
    String text = ctx.queryParam("limit");
    if (text == null) {
      return 100;
    }
    try {
      int limit = Integer.parseInt(text);
      if (limit < 1 || limit > InboxQuery.MAX_LIMIT) {
        throw new BadRequestResponse("limit must be between 1 and " + InboxQuery.MAX_LIMIT);
      }
      return limit;
    } catch (NumberFormatException e) {
      throw new BadRequestResponse("limit '" + text + "' is not a number");
    }
  }
}
