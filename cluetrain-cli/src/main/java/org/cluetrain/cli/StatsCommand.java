package org.cluetrain.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.ingest.SourceHealth;
import org.cluetrain.json.Json;
import org.cluetrain.store.ListeningStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Posts by project, source, language, kind and query; health of polled sources.")
final class StatsCommand implements Callable<Integer> {
  /** Longer lists are cut to their top entries. */
  static final int TOP = 15;

  @Mixin Options options;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-p", "--project"},
      paramLabel = "P",
      description = "Only this project.")
  String project;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ListeningStats stats;
    List<SourceHealth> sources;
    try (EmbeddedRuntime runtime = options.open()) {
      stats = runtime.rollups().stats(project);
      sources = runtime.sourceStates().health();
    } catch (EmbeddedRuntime.InUseException inUse) {
      // the server that holds the data directory answers with the same records
      ServerClient server = ServerClient.holding(inUse);
      ObjectMapper json = Json.snakeCase();
      stats =
          json.treeToValue(
              server.get(
                  "/api/stats"
                      + (project == null ? "" : "?project=" + ServerClient.encode(project))),
              ListeningStats.class);
      sources = json.readerForListOf(SourceHealth.class).readValue(server.get("/api/sources"));
    }
    out.printf("%d posts (%d copies of earlier posts)%n", stats.posts(), stats.duplicates());
    section(out, "by project", stats.byProject());
    section(out, "by source", stats.bySource());
    section(out, "by language", stats.byLanguage());
    section(out, "by kind", stats.byKind());
    section(out, "by query", stats.byQuery());
    if (!sources.isEmpty()) {
      out.println("source health:");
      for (SourceHealth health : sources) {
        if (project != null && !project.equals(health.project())) {
          continue;
        }
        out.printf(
            "  %-11s %s  (%d items, %d unreadable%s)%n",
            health.state(),
            health.url() == null ? health.sourceId() : health.url(),
            health.itemsFetched(),
            health.itemsUnparseable(),
            health.lastSuccess() == null
                ? ", never fetched"
                : ", last success " + health.lastSuccess());
        if (health.lastError() != null && health.state() != SourceHealth.State.OK) {
          out.println("              " + health.lastError());
        }
      }
    }
    return ExitCodes.OK;
  }

  private static void section(PrintWriter out, String title, Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return;
    }
    out.println(title + ":");
    counts.entrySet().stream()
        .limit(TOP)
        .forEach(e -> out.printf("  %8d  %s%n", e.getValue(), e.getKey()));
    if (counts.size() > TOP) {
      out.printf("  … and %d more%n", counts.size() - TOP);
    }
  }
}
