package org.cluetrain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.PostView;
import org.cluetrain.app.TimeArguments;
import org.cluetrain.json.Json;
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
    List<Row> rows = new ArrayList<>();
    long total;
    try (EmbeddedRuntime runtime = options.open()) {
      SearchPage page;
      try {
        page = runtime.store().search(new SearchRequest(query, project, from, to, limit));
      } catch (QuerySyntaxException e) {
        spec.commandLine().getErr().println("cluetrain: query " + e.getMessage());
        return ExitCodes.UNUSABLE;
      }
      total = page.totalHits();
      page.posts().forEach(post -> rows.add(Row.of(post)));
    } catch (EmbeddedRuntime.InUseException inUse) {
      JsonNode page;
      try {
        page = ServerClient.holding(inUse).get(searchPath(from, to));
      } catch (ServerClient.ServerRefused e) {
        spec.commandLine().getErr().println("cluetrain: " + e.getMessage());
        return ExitCodes.UNUSABLE;
      }
      total = page.path("total").asLong();
      page.path("posts").forEach(post -> rows.add(Row.of(post)));
    }
    if (format == Format.jsonl) {
      ObjectMapper json = Json.mapper();
      for (Row row : rows) {
        out.println(json.writeValueAsString(row.json()));
      }
    } else {
      printTable(out, total, rows);
    }
    return ExitCodes.OK;
  }

  /** The same search asked of the server that holds the data directory. */
  private String searchPath(Instant from, Instant to) {
    StringBuilder path = new StringBuilder("/api/search?q=").append(ServerClient.encode(query));
    if (project != null) {
      path.append("&project=").append(ServerClient.encode(project));
    }
    if (from != null) {
      path.append("&since=").append(ServerClient.encode(from.toString()));
    }
    if (to != null) {
      path.append("&until=").append(ServerClient.encode(to.toString()));
    }
    return path.append("&limit=").append(limit).toString();
  }

  /**
   * A post as the command prints it: from the store, or from the server's answer, which has the
   * same public shape ({@link PostView}).
   */
  private record Row(JsonNode json) {
    static Row of(StoredPost post) {
      return new Row(Json.mapper().valueToTree(PostView.of(post)));
    }

    static Row of(JsonNode post) {
      return new Row(post);
    }

    String text(String field) {
      JsonNode value = json.path(field);
      return value.isNull() || value.isMissingNode() ? "" : value.asText();
    }
  }

  private static Instant parseTime(String option, String text, Instant now) {
    try {
      return TimeArguments.parse(text, now);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + " '" + text + "' " + e.getMessage());
    }
  }

  private static void printTable(PrintWriter out, long total, List<Row> rows) {
    out.printf("%d posts found%s%n", total, total > rows.size() ? ", showing " + rows.size() : "");
    for (Row row : rows) {
      String text = (row.text("title").isEmpty() ? "" : row.text("title") + " ") + row.text("text");
      text = text.replaceAll("\\s+", " ").strip();
      if (text.length() > 100) {
        text = text.substring(0, 99) + "…";
      }
      String published = row.text("published");
      out.printf(
          "%s  %-2s  %-8s  %-20s  %s%n",
          published.substring(0, Math.min(16, published.length())).replace('T', ' '),
          row.text("lang"),
          row.text("kind"),
          abbreviate(row.text("author"), 20),
          text);
      List<String> matched = new ArrayList<>();
      row.json().path("matched_queries").forEach(q -> matched.add(q.asText()));
      out.printf(
          "    %s%s%n",
          row.text("url").isEmpty() ? row.text("id") : row.text("url"),
          matched.isEmpty() ? "" : "  [" + String.join(", ", matched) + "]");
    }
  }

  private static String abbreviate(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
