package org.cluetrain.web.overview;

import io.javalin.Javalin;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.web.imports.ImportPages;
import org.cluetrain.web.imports.PushApi;
import org.cluetrain.web.mentions.MentionPages;
import org.cluetrain.web.sources.SourcePages;
import org.cluetrain.web.threads.ThreadPages;

/** The listening pages: overview, mentions, threads, sources and imports. */
public final class ListeningPages {
  private ListeningPages() {}

  public static void register(Javalin app, EmbeddedRuntime runtime) {
    OverviewPages.register(app, runtime);
    MentionPages.register(app, runtime);
    ThreadPages.register(app, runtime);
    SourcePages.register(app, runtime);
    ImportPages.register(app, runtime);
    PushApi.register(app, runtime);
  }
}
