package org.cluetrain.web.sources;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cluetrain.access.Account;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.web.access.Access;
import org.cluetrain.web.access.Authentication;
import org.cluetrain.web.page.PageContext;
import org.cluetrain.web.page.Templates;

/**
 * Every source this person may see, {@code /sources}: the health of the polled ones (state, last
 * fetch and success, errors, failures in a row, items, next attempt), each one's coverage over the
 * last day with the gaps from the gap ledger marked and listed, and the posts stored from each
 * source, imports included.
 */
public final class SourcePages {
  private final EmbeddedRuntime runtime;

  private SourcePages(EmbeddedRuntime runtime) {
    this.runtime = runtime;
  }

  public static void register(Javalin app, EmbeddedRuntime runtime) {
    app.get("/sources", new SourcePages(runtime)::page, Access.VIEWER);
  }

  /** How far back the coverage timeline of each source reaches. */
  static final Duration COVERAGE_WINDOW = Duration.ofHours(24);

  /** Posts stored from one source for one project. */
  public record StoredCount(String project, String sourceId, long posts) {}

  private void page(Context ctx) {
    Account account = Authentication.requireAccount(ctx);
    List<String> projects =
        runtime.workspace().projects().stream()
            .map(Workspace.Project::name)
            .filter(account::canSee)
            .toList();
    PageContext page =
        Authentication.page(ctx, projects.isEmpty() ? null : projects.get(0), "sources");
    List<SourceHealth> health =
        runtime.sourceStates().health().stream()
            .filter(
                h ->
                    h.project() == null
                        ? account.seesAllProjects()
                        : projects.contains(h.project()))
            .toList();
    Map<String, Long> feedPosts = new HashMap<>();
    List<StoredCount> stored = new ArrayList<>();
    for (String project : projects) {
      for (Map.Entry<String, Long> entry : runtime.rollups().postsBySource(project).entrySet()) {
        stored.add(new StoredCount(project, entry.getKey(), entry.getValue()));
        feedPosts.merge(project + " " + entry.getKey(), entry.getValue(), Long::sum);
      }
    }
    Map<String, Long> healthPosts = new LinkedHashMap<>();
    Map<String, CoverageTimeline> coverage = new HashMap<>();
    Instant now = Instant.now();
    for (SourceHealth h : health) {
      healthPosts.put(h.sourceId(), feedPosts.getOrDefault(h.project() + " " + h.sourceId(), 0L));
      coverage.put(
          h.sourceId(),
          CoverageTimeline.of(
              h,
              runtime.gaps().gaps(h.sourceId(), now.minus(COVERAGE_WINDOW), now),
              now,
              COVERAGE_WINDOW));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("health", health);
    model.put("healthPosts", healthPosts);
    model.put("coverage", coverage);
    model.put("stored", stored);
    Templates.page(ctx, "sources/sources.jte", model);
  }
}
