package org.cluetrain.web.page;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/** Renders the pages' templates ({@code src/main/jte}), compiled to Java when the module builds. */
public final class Templates {
  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, Templates.class.getClassLoader(), "org.cluetrain.web.templates");

  private Templates() {}

  public static String render(String template, Map<String, Object> parameters) {
    StringOutput output = new StringOutput();
    ENGINE.render(template, parameters, output);
    return output.toString();
  }

  /** Answers the request with the rendered template as HTML. */
  public static void page(Context ctx, String template, Map<String, Object> parameters) {
    ctx.html(render(template, parameters));
  }
}
