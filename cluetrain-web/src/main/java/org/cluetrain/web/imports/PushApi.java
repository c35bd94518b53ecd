package org.cluetrain.web.imports;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.cluetrain.access.Account;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.ingest.FileReport;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;

/**
 * HTTP push ({@code POST /api/projects/{project}/posts}): a user's own collectors and webhooks send
 * posts as a JSON array or as newline-delimited JSON, with an analyst's API token, and get the
 * import's report while they wait: what was new, what was stored before, which items could not be
 * read and why. A resent batch stores nothing twice. The schema is in the documentation of sources.
 */
public final class PushApi {
  private final EmbeddedRuntime runtime;

  private PushApi(EmbeddedRuntime runtime) {
    this.runtime = runtime;
  }

  public static void register(Javalin app, EmbeddedRuntime runtime) {
    app.post("/api/projects/{project}/posts", new PushApi(runtime)::push, Access.ANALYST);
  }

  private void push(Context ctx) throws IOException {
    String project = Authentication.pathProject(ctx, runtime);
    String type = ctx.contentType();
    if (type != null && !acceptable(type)) {
      ctx.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
          .json(
              Map.of(
                  "error",
                  "cannot read a push sent as '"
                      + type
                      + "'; send application/json (an array of posts) or application/x-ndjson"
                      + " (one post per line)"));
      return;
    }
    long declared = ctx.contentLength();
    if (declared > EmbeddedRuntime.MAX_PUSH_BYTES) {
      tooLarge(ctx, declared);
      return;
    }
    byte[] body;
    try (InputStream in = ctx.bodyInputStream()) {
      body = in.readNBytes(EmbeddedRuntime.MAX_PUSH_BYTES + 1);
    }
    if (body.length > EmbeddedRuntime.MAX_PUSH_BYTES) {
      tooLarge(ctx, -1);
      return;
    }
    if (body.length == 0) {
      throw new BadRequestResponse("empty push: send a JSON array of posts or one post per line");
    }
    Account account = Authentication.requireAccount(ctx);
    FileReport report = runtime.push(project, account.name(), body);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("project", project);
    answer.put("read", report.read());
    answer.put("stored", report.stored());
    answer.put("already_known", report.alreadyKnown());
    answer.put("problems", report.problems());
    if (report.unusable() != null) {
      answer.put("error", report.unusable());
    }
    // what was read before a broken end is kept, so only a push with nothing usable is refused
    boolean refused = report.unusable() != null && report.read() == 0;
    ctx.status(refused ? HttpStatus.BAD_REQUEST : HttpStatus.OK).json(answer);
  }

  private static boolean acceptable(String contentType) {
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.equals("application/json")
        || type.equals("application/x-ndjson")
        || type.equals("application/ndjson")
        || type.equals("application/jsonl")
        || type.equals("text/plain");
  }

  private static void tooLarge(Context ctx, long declared) {
    ctx.status(HttpStatus.CONTENT_TOO_LARGE)
        .json(
            Map.of(
                "error",
                "a push carries at most "
                    + EmbeddedRuntime.MAX_PUSH_BYTES
                    + " bytes"
                    + (declared > 0 ? "; this one declares " + declared : "")
                    + ": split the batch, or upload it as a file to /api/projects/{project}/imports"));
  }
}
