package org.cluetrain.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.cluetrain.web.access.Authentication;
import org.cluetrain.web.page.PageContext;
import org.cluetrain.web.page.Templates;

/** Refusals and missing pages: JSON for the API, a page for the browser. */
final class ErrorPages {
  private ErrorPages() {}

  static void answer(HttpResponseException e, Context ctx) {
    ctx.status(e.getStatus());
    if (ctx.path().startsWith("/api")) {
      ctx.json(Map.of("error", e.getMessage()));
      return;
    }
    PageContext page = Authentication.page(ctx, null, "");
    String message = e.getMessage();
    if (e.getStatus() == HttpStatus.NOT_FOUND.getCode() && message.startsWith("Endpoint ")) {
      // the router's own words ("Endpoint GET /x not found") mean nothing to a reader
      message = page.t().get("error.no_page", ctx.path());
    }
    Templates.page(
        ctx, "error.jte", Map.of("page", page, "status", e.getStatus(), "message", message));
  }
}
