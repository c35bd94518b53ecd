package org.cluetrain.web.privacy;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.privacy.SubjectReport;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;

/**
 * Subject requests over the API, for admins only: {@code GET /api/privacy/subjects?author=} says
 * what each store holds about the person, {@code GET /api/privacy/subjects/export?author=} is all
 * of it as one JSON document (Art. 15), {@code POST /api/privacy/subjects/erase?author=} erases it
 * (Art. 17).
 */
public final class PrivacyApi {
  private final EmbeddedRuntime runtime;

  private PrivacyApi(EmbeddedRuntime runtime) {
    this.runtime = runtime;
  }

  public static void register(Javalin app, EmbeddedRuntime runtime) {
    PrivacyApi api = new PrivacyApi(runtime);
    app.get("/api/privacy/subjects", api::find, Access.ADMIN);
    app.get("/api/privacy/subjects/export", api::export, Access.ADMIN);
    app.post("/api/privacy/subjects/erase", api::erase, Access.ADMIN);
    app.get("/api/privacy/pseudonyms/{pseudonym}", api::reveal, Access.ADMIN);
    app.exception(
        Problem.class, (e, ctx) -> ctx.status(e.status).json(Map.of("error", e.getMessage())));
  }

  private void find(Context ctx) {
    ctx.json(runtime.privacy().find(author(ctx)).summary());
  }

  private void export(Context ctx) {
    SubjectReport report =
        runtime.privacy().export(author(ctx), Authentication.requireAccount(ctx).name());
    ctx.header("Content-Disposition", "attachment; filename=\"subject-export.json\"");
    ctx.json(report);
  }

  private void erase(Context ctx) {
    ctx.json(runtime.privacy().erase(author(ctx), Authentication.requireAccount(ctx).name()));
  }

  private void reveal(Context ctx) {
    String pseudonym = ctx.pathParam("pseudonym");
    var revealed = runtime.privacy().reveal(pseudonym, Authentication.requireAccount(ctx).name());
    if (revealed.isEmpty()) {
      throw new Problem(
          HttpStatus.NOT_FOUND,
          "no identity is kept for " + pseudonym + ": it is unknown, or the person was erased");
    }
    ctx.json(Map.of("pseudonym", pseudonym, "author", revealed.get()));
  }

  /**
   * The person asked about, from {@code author=} (query or form), or a 400 saying what is needed.
   */
  static String author(Context ctx) {
    String author = ctx.queryParam("author");
    String type = ctx.contentType();
    if (author == null
        && type != null
        && type.toLowerCase(java.util.Locale.ROOT)
            .startsWith("application/x-www-form-urlencoded")) {
      author = ctx.formParam("author");
    }
    if (author == null || author.isBlank()) {
      throw new Problem(
          HttpStatus.BAD_REQUEST,
          "author= is required: the person's handle, name, profile URL or e-mail address");
    }
    if (author.length() > 1_000) {
      throw new Problem(
          HttpStatus.BAD_REQUEST, "author= is longer than 1,000 characters; name one person");
    }
    return author;
  }

  /** A request these routes cannot answer as asked; becomes the status with the message. */
  static final class Problem extends RuntimeException {
    final HttpStatus status;

    Problem(HttpStatus status, String message) {
      super(message);
      this.status = status;
    }
  }
}
