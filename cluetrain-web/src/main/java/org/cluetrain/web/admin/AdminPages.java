package org.cluetrain.web.admin;

import io.javalin.Javalin;
import org.cluetrain.app.EmbeddedRuntime;

/** The pages about people: the users an admin manages, and everybody's own account. */
public final class AdminPages {
  private AdminPages() {}

  public static void register(Javalin app, EmbeddedRuntime runtime) {
    UserPages.register(app, runtime);
    AccountPages.register(app, runtime);
  }
}
