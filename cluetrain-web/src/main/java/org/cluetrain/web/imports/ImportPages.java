package org.cluetrain.web.imports;

import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cluetrain.access.Account;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.ingest.ImportJobs;
import org.cluetrain.formats.Formats;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;
import org.cluetrain.web.page.PageContext;
import org.cluetrain.web.page.Templates;

/**
 * Data in while the server runs: the Import page ({@code /p/{project}/import}) uploads files and
 * shows each import's counts as they grow and its per-item errors at the end; the API takes a file
 * as the request body ({@code POST /api/projects/{project}/imports?file=NAME}) and answers where to
 * watch it ({@code GET /api/imports/{id}}). The command line uses the same API when it finds its
 * data directory held by a running server.
 */
public final class ImportPages {
  private final EmbeddedRuntime runtime;

  private ImportPages(EmbeddedRuntime runtime) {
    this.runtime = runtime;
  }

  public static void register(Javalin app, EmbeddedRuntime runtime) {
    ImportPages pages = new ImportPages(runtime);
    app.get("/p/{project}/import", pages::page, Access.ANALYST);
    app.post("/p/{project}/import", pages::upload, Access.ANALYST);
    app.get("/p/{project}/import/jobs", pages::jobsFragment, Access.ANALYST);
    app.post("/api/projects/{project}/imports", pages::submit, Access.ANALYST);
    app.get("/api/imports", pages::list, Access.VIEWER);
    app.get("/api/imports/{id}", pages::job, Access.VIEWER);
  }

  private String project(Context ctx) {
    return Authentication.pathProject(ctx, runtime);
  }

  private String format(Context ctx, String given) {
    String format = given == null || given.isBlank() ? "auto" : given.strip();
    if (!format.equals("auto") && !Formats.standard().names().contains(format)) {
      throw new BadRequestResponse(
          "unknown format '" + format + "'; use auto or one of " + Formats.standard().names());
    }
    return format;
  }

  private void page(Context ctx) {
    String project = project(ctx);
    PageContext page = Authentication.page(ctx, project, "import");
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("formats", Formats.standard().names());
    model.put("jobs", visible(ctx).stream().filter(j -> j.project().equals(project)).toList());
    Templates.page(ctx, "imports/import.jte", model);
  }

  /** The jobs' table alone: the page replaces it every second while an import runs. */
  private void jobsFragment(Context ctx) {
    String project = project(ctx);
    Map<String, Object> model = new HashMap<>();
    model.put("page", Authentication.page(ctx, project, "import"));
    model.put("jobs", visible(ctx).stream().filter(j -> j.project().equals(project)).toList());
    Templates.page(ctx, "imports/jobs.jte", model);
  }

  /** The page's form: one or more files, sent as multipart; back to the page to watch them. */
  private void upload(Context ctx) throws IOException {
    String project = project(ctx);
    String format = format(ctx, ctx.formParam("format"));
    List<UploadedFile> files = ctx.uploadedFiles("files");
    if (files.isEmpty()) {
      throw new BadRequestResponse("choose at least one file to import");
    }
    Account account = Authentication.requireAccount(ctx);
    for (UploadedFile file : files) {
      try (InputStream content = file.content()) {
        runtime.imports().submit(project, file.filename(), format, content, account.name());
      }
    }
    ctx.redirect("/p/" + project + "/import", HttpStatus.SEE_OTHER);
  }

  /** The API: the request body is the file; 202 with the job, and where to watch it. */
  private void submit(Context ctx) throws IOException {
    String project = project(ctx);
    String file = ctx.queryParam("file");
    if (file == null || file.isBlank()) {
      throw new BadRequestResponse(
          "name the file: ?file=NAME (its name helps to recognise the format)");
    }
    String format = format(ctx, ctx.queryParam("format"));
    Account account = Authentication.requireAccount(ctx);
    ImportJobs.Progress job;
    try (InputStream body = ctx.bodyInputStream()) {
      job = runtime.imports().submit(project, file, format, body, account.name());
    } catch (ImportJobs.TooLargeException e) {
      ctx.status(HttpStatus.CONTENT_TOO_LARGE).json(Map.of("error", e.getMessage()));
      return;
    }
    ctx.header("Location", "/api/imports/" + job.id());
    ctx.status(HttpStatus.ACCEPTED).json(job);
  }

  private void list(Context ctx) {
    ctx.json(visible(ctx));
  }

  private void job(Context ctx) {
    ImportJobs.Progress job =
        runtime
            .imports()
            .job(ctx.pathParam("id"))
            .filter(j -> Authentication.requireAccount(ctx).canSee(j.project()))
            .orElseThrow(() -> new NotFoundResponse("no import " + ctx.pathParam("id")));
    ctx.json(job);
  }

  /** The jobs of the projects this person may see. */
  private List<ImportJobs.Progress> visible(Context ctx) {
    Account account = Authentication.requireAccount(ctx);
    return runtime.imports().recent().stream().filter(j -> account.canSee(j.project())).toList();
  }
}
