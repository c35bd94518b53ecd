package org.cluetrain.web.exports;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.export.ExportFormat;
import org.cluetrain.app.export.ExportKind;
import org.cluetrain.app.export.Exports;
import org.cluetrain.app.mentions.MentionFilter;
import org.cluetrain.audit.AuditKind;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;

/**
 * {@code GET /api/projects/{project}/exports/{kind}}: a project's mentions, threads, authors,
 * figures or inbox items as a file, streamed as it is read. Mentions take the Mentions page's
 * filters by the same names; every kind takes {@code since} and {@code until}. Each export is
 * recorded in the audit log when it ends: with its row count, or with the error that cut it off.
 */
public final class ExportApi {
  /** The route, as the OpenAPI description names it. */
  public static final String PATH = "/api/projects/{project}/exports/{kind}";

  private final EmbeddedRuntime runtime;

  private ExportApi(EmbeddedRuntime runtime) {
    this.runtime = runtime;
  }

  public static void register(Javalin app, EmbeddedRuntime runtime) {
    app.get(PATH, new ExportApi(runtime)::export, Access.VIEWER);
  }

  private void export(Context ctx) throws IOException {
    String project = Authentication.pathProject(ctx, runtime);
    ExportKind kind;
    ExportFormat format;
    try {
      kind = ExportKind.parse(ctx.pathParam("kind"));
      String name = ctx.queryParam("format");
      format = ExportFormat.parse(name == null || name.isBlank() ? "csv" : name);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
    Exports.Prepared export;
    try {
      export = runtime.exports().prepare(project, kind, format, MentionFilter.of(ctx::queryParam));
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
    ctx.contentType(format.mediaType());
    ctx.header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"");
    ctx.header("Cache-Control", "no-store");
    String what = kind.label() + " as " + format.label().toUpperCase(Locale.ROOT);
    CountingStream out = new CountingStream(ctx.res().getOutputStream());
    try {
      long rows = export.write(out);
      out.flush();
      Authentication.audit(ctx, AuditKind.EXPORT, project, what + ": " + rows + " rows");
    } catch (RuntimeException e) {
      Authentication.audit(
          ctx,
          AuditKind.EXPORT,
          project,
          what + ": cut off after " + out.count + " bytes: " + e.getMessage());
      throw e;
    }
  }

  /** Counts the bytes that went out, for the audit log of an export that was cut off. */
  private static final class CountingStream extends FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      count += length;
    }
  }
}
