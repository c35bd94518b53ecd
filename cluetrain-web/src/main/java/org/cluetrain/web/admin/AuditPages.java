package org.cluetrain.web.admin;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.audit.AuditTrail;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.audit.AuditQuery;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;
import org.cluetrain.web.page.PageContext;
import org.cluetrain.web.page.Templates;

/**
 * The audit log, for admins only: a page filtered by kind, account and time and read page by page,
 * the same through the API ({@code GET /api/audit}), and its export as CSV or NDJSON.
 */
public final class AuditPages {
  /** Entries on one page of the web application. */
  static final int PAGE_SIZE = 50;

  private final EmbeddedRuntime runtime;

  private AuditPages(EmbeddedRuntime runtime) {
    this.runtime = runtime;
  }

  static void register(Javalin app, EmbeddedRuntime runtime) {
    AuditPages pages = new AuditPages(runtime);
    app.get("/admin/audit", pages::page, Access.ADMIN);
    app.get("/api/audit", pages::api, Access.ADMIN);
    app.get("/api/audit/export", pages::export, Access.ADMIN);
  }

  /** An entry as the page shows it. */
  public record Row(
      long id,
      String at,
      String actor,
      String kind,
      String target,
      String detail,
      String address) {}

  private void page(Context ctx) {
    PageContext page = Authentication.page(ctx, null, "audit");
    AuditQuery query = query(ctx, PAGE_SIZE);
    List<Row> rows =
        audit().find(query).stream()
            .map(
                e ->
                    new Row(
                        e.id(),
                        page.t().dateTime(e.event().at()),
                        e.event().actor(),
                        e.event().kind().label(),
                        e.event().target(),
                        e.event().detail(),
                        e.event().address()))
            .toList();
    long total = audit().count(query);
    String filters = filters(ctx);
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("rows", rows);
    model.put("total", total);
    model.put("kinds", Arrays.stream(AuditKind.values()).map(AuditKind::label).toList());
    model.put("kind", value(ctx, "kind"));
    model.put("actor", value(ctx, "actor"));
    model.put("from", value(ctx, "from"));
    model.put("to", value(ctx, "to"));
    model.put(
        "newer",
        query.offset() == 0
            ? null
            : "/admin/audit?" + filters + "offset=" + Math.max(0, query.offset() - PAGE_SIZE));
    model.put(
        "older",
        query.offset() + rows.size() >= total
            ? null
            : "/admin/audit?" + filters + "offset=" + (query.offset() + PAGE_SIZE));
    model.put("csv", "/api/audit/export?" + filters + "format=csv");
    model.put("ndjson", "/api/audit/export?" + filters + "format=ndjson");
    Templates.page(ctx, "admin/audit.jte", model);
  }

  private void api(Context ctx) {
    AuditQuery query = query(ctx, 100);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("total", audit().count(query));
    json.put("offset", query.offset());
    json.put("limit", query.limit());
    json.put("entries", audit().find(query).stream().map(AuditTrail::json).toList());
    ctx.json(json);
  }

  private void export(Context ctx) throws IOException {
    AuditTrail.Format format;
    try {
      format =
          AuditTrail.Format.parse(value(ctx, "format").isEmpty() ? "csv" : value(ctx, "format"));
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse("format: " + e.getMessage());
    }
    AuditQuery query = query(ctx, AuditQuery.MAX_LIMIT);
    // the export itself is worth recording: a copy of the log leaves the server
    Authentication.audit(
        ctx,
        AuditKind.EXPORT,
        "audit-log",
        format.name().toLowerCase(java.util.Locale.ROOT) + " " + filters(ctx));
    ctx.contentType(format.mediaType());
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"audit-log."
            + format.name().toLowerCase(java.util.Locale.ROOT)
            + "\"");
    Writer out = new OutputStreamWriter(ctx.res().getOutputStream(), StandardCharsets.UTF_8);
    audit().export(query, format, out);
    out.flush();
  }

  /** The filters of the request, as a page's links repeat them ({@code name=value&…}). */
  private static String filters(Context ctx) {
    StringBuilder link = new StringBuilder();
    for (String name : List.of("kind", "actor", "from", "to")) {
      String value = value(ctx, name);
      if (!value.isEmpty()) {
        link.append(name)
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
            .append('&');
      }
    }
    return link.toString();
  }

  private static String value(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null ? "" : value.strip();
  }

  /**
   * The request's filters and page: {@code kind}, {@code actor}, {@code from} and {@code to} (an
   * ISO date or time; a date means its start, UTC), {@code offset} and {@code limit}. A value that
   * cannot be read answers 400, naming the parameter.
   */
  static AuditQuery query(Context ctx, int defaultLimit) {
    try {
      String kind = value(ctx, "kind");
      String actor = value(ctx, "actor");
      return new AuditQuery(
          kind.isEmpty() ? null : AuditKind.parse(kind),
          actor.isEmpty() ? null : actor,
          time(ctx, "from"),
          time(ctx, "to"),
          number(ctx, "offset", 0),
          number(ctx, "limit", defaultLimit));
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
  }

  private static Instant time(Context ctx, String name) {
    return AuditTrail.time(name, value(ctx, name));
  }

  private static int number(Context ctx, String name, int fallback) {
    String value = value(ctx, name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " '" + value + "' is not a whole number");
    }
  }

  private AuditTrail audit() {
    return runtime.audit();
  }
}
