package org.cluetrain.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.PostView;
import org.cluetrain.app.TimeArguments;
import org.cluetrain.json.Json;
import org.cluetrain.model.Post;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.store.SearchPage;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.StoredPost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search stored posts with the query language (see docs/query-language.md), newest first.",
      "Times: 2026-03-01, 2026-03-01T12:00, 2026-03-01T12:00:00Z, or an age such as 24h, 7d."
    })
final class SearchCommand implements Callable<Integer> {
  enum Format {
    table,
    jsonl
  }

  @Mixin Options options;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "QUERY", arity = "0..1", description = "The query; empty for all posts.")
  String query = "";

  @Option(
      names = {"-p", "--project"},
      paramLabel = "P",
      description = "Only this project's posts.")
  String project;

  @Option(names = "--since", paramLabel = "T", description = "Only posts published at or after T.")
  String since;

  @Option(names = "--until", paramLabel = "T", description = "Only posts published before T.")
  String until;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "At most N posts (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(
      names = "--format",
      paramLabel = "F",
      defaultValue = "table",
      description = "table or jsonl (one JSON object per post).")
  Format format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Instant now = Instant.now();
    Instant from = since == null ? null : parseTime("--since", since, now);
    Instant to = until == null ? null : parseTime("--until", until, now);
    try (EmbeddedRuntime runtime = options.open()) {
      SearchPage page;
      try {
        page = runtime.store().search(new SearchRequest(query, project, from, to, limit));
      } catch (QuerySyntaxException e) {
        spec.commandLine().getErr().println("cluetrain: query " + e.getMessage());
        return ExitCodes.UNUSABLE;
      }
      if (format == Format.jsonl) {
        ObjectMapper json = Json.mapper();
        for (StoredPost post : page.posts()) {
          out.println(json.writeValueAsString(PostView.of(post)));
        }
      } else {
        printTable(out, page);
      }
    }
    return ExitCodes.OK;
  }

  private static Instant parseTime(String option, String text, Instant now) {
    try {
      return TimeArguments.parse(text, now);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + " '" + text + "' " + e.getMessage());
    }
  }

  private static void printTable(PrintWriter out, SearchPage page) {
    out.printf(
        "%d posts found%s%n",
        page.totalHits(),
        page.totalHits() > page.posts().size() ? ", showing " + page.posts().size() : "");
    for (StoredPost stored : page.posts()) {
      Post post = stored.post();
      String text = post.fullText().replaceAll("\\s+", " ").strip();
      if (text.length() > 100) {
        text = text.substring(0, 99) + "…";
      }
      out.printf(
          "%s  %-2s  %-8s  %-20s  %s%n",
          post.published().toString().substring(0, 16).replace('T', ' '),
          post.lang() == null ? "" : post.lang(),
          post.kind().label(),
          abbreviate(post.author() == null ? "" : post.author().name(), 20),
          text);
      out.printf(
          "    %s%s%n",
          post.url() == null ? post.id() : post.url(),
          stored.matchedQueries().isEmpty()
              ? ""
              : "  [" + String.join(", ", stored.matchedQueries()) + "]");
    }
  }

  private static String abbreviate(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
