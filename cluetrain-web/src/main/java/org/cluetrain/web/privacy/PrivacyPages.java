package org.cluetrain.web.privacy;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.privacy.ErasureReport;
import org.cluetrain.app.privacy.SubjectReport;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;
import org.cluetrain.web.page.Templates;

/**
 * The admin's page for subject requests: name a person, see what each store holds about them,
 * download it as JSON, or erase it after a confirmation step.
 */
public final class PrivacyPages {
  private final EmbeddedRuntime runtime;

  private PrivacyPages(EmbeddedRuntime runtime) {
    this.runtime = runtime;
  }

  public static void register(Javalin app, EmbeddedRuntime runtime) {
    PrivacyPages pages = new PrivacyPages(runtime);
    app.get("/admin/privacy", pages::find, Access.ADMIN);
    app.get("/admin/privacy/erase", pages::confirmErase, Access.ADMIN);
    app.post("/admin/privacy/erase", pages::erase, Access.ADMIN);
    app.get("/admin/privacy/reveal", pages::reveal, Access.ADMIN);
  }

  private void find(Context ctx) {
    String author = ctx.queryParam("author");
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("page", Authentication.page(ctx, null, "privacy"));
    model.put("author", author == null ? "" : author.strip());
    model.put("report", author == null || author.isBlank() ? null : report(author));
    model.put("path", author == null ? "" : encode(author));
    model.put("pseudonym", "");
    model.put("revealed", null);
    Templates.page(ctx, "privacy/subject.jte", model);
  }

  /** Who a pseudonym stands for; an empty answer says no identity is kept for it. */
  private void reveal(Context ctx) {
    String asked = ctx.queryParam("pseudonym");
    String pseudonym = asked == null ? "" : asked.strip();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("page", Authentication.page(ctx, null, "privacy"));
    model.put("author", "");
    model.put("report", null);
    model.put("path", "");
    model.put("pseudonym", pseudonym);
    model.put(
        "revealed",
        pseudonym.isEmpty()
            ? null
            : runtime
                .privacy()
                .reveal(pseudonym, Authentication.requireAccount(ctx).name())
                .map(
                    a ->
                        a.name()
                            + (a.handle() == null ? "" : " (@" + a.handle() + ")")
                            + " — "
                            + a.id())
                .orElse(""));
    Templates.page(ctx, "privacy/subject.jte", model);
  }

  private void confirmErase(Context ctx) {
    String author = PrivacyApi.author(ctx);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("page", Authentication.page(ctx, null, "privacy"));
    model.put("author", author.strip());
    model.put("report", report(author));
    Templates.page(ctx, "privacy/erase.jte", model);
  }

  private void erase(Context ctx) {
    String author = PrivacyApi.author(ctx);
    ErasureReport erased =
        runtime.privacy().erase(author, Authentication.requireAccount(ctx).name());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("page", Authentication.page(ctx, null, "privacy"));
    model.put("erased", erased);
    Templates.page(ctx, "privacy/erased.jte", model);
  }

  private SubjectReport report(String author) {
    return runtime.privacy().find(author);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
