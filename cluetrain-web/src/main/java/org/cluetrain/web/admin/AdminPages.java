package org.cluetrain.web.admin;

import io.javalin.Javalin;
import org.cluetrain.app.EmbeddedRuntime;

/**
 * The pages about people: the users an admin manages, everybody's own account, and the audit log of
 * what people did.
 */
public final class AdminPages {
  private AdminPages() {}

  public static void register(Javalin app, EmbeddedRuntime runtime) {
    UserPages.register(app, runtime);
    AccountPages.register(app, runtime);
    AuditPages.register(app, runtime);
  }
}
