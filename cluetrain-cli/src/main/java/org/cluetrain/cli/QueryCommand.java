package org.cluetrain.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.cluetrain.app.query.QueryExamples;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.lucene.stream.StreamQueryMatcher;
import org.cluetrain.query.QueryParser;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.query.SavedQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = "Check, try and test queries (see docs/query-language.md).",
    subcommands = {QueryCommand.Check.class, QueryCommand.Match.class, QueryCommand.Test.class})
final class QueryCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description =
          "Validate a query: exit 0 and its normalised form, or exit 2 and where it is wrong.")
  static final class Check implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "QUERY", description = "The query.")
    String query;

    @Override
    public Integer call() {
      try {
        var parsed = QueryParser.parse(query);
        spec.commandLine().getOut().println("ok: " + parsed.toQueryString());
        if (StreamQueryMatcher.runsOnEveryPost(parsed)) {
          spec.commandLine()
              .getOut()
              .println(
                  "note: this query runs on every post: no word, wildcard or filter is required"
                      + " by every match (an OR with a NOT, say), so it costs every post");
        }
        return ExitCodes.OK;
      } catch (QuerySyntaxException e) {
        spec.commandLine().getErr().println("invalid query " + e.getMessage());
        spec.commandLine().getErr().println("  " + query);
        spec.commandLine().getErr().println("  " + " ".repeat(Math.max(0, e.position() - 1)) + "^");
        return ExitCodes.UNUSABLE;
      }
    }
  }

  @Command(
      name = "match",
      mixinStandardHelpOptions = true,
      description = "Print 'match' (exit 0) or 'no match' (exit 1) for a text against a query.")
  static final class Match implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-q", "--query"},
        required = true,
        paramLabel = "Q",
        description = "The query.")
    String query;

    @Option(
        names = {"-t", "--text"},
        required = true,
        paramLabel = "T",
        description = "The text of a post.")
    String text;

    @Option(
        names = "--lang",
        paramLabel = "L",
        description = "The post's language, for lang: filters.")
    String lang;

    @Override
    public Integer call() {
      try {
        QueryParser.parse(query);
      } catch (QuerySyntaxException e) {
        spec.commandLine().getErr().println("invalid query " + e.getMessage());
        return ExitCodes.UNUSABLE;
      }
      boolean matches = QueryExamples.matches(SavedQuery.of("cli", "query", query), text, lang);
      spec.commandLine().getOut().println(matches ? "match" : "no match");
      return matches ? ExitCodes.OK : ExitCodes.NO;
    }
  }

  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description =
          "Run every saved query's must-match and must-not-match examples; exit 1 if any fails.")
  static final class Test implements Callable<Integer> {
    @Mixin Options options;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      Workspace workspace = options.readWorkspace();
      List<SavedQuery> queries = workspace.queries();
      List<QueryExamples.Failure> failures = QueryExamples.check(queries);
      int examples =
          queries.stream().mapToInt(q -> q.mustMatch().size() + q.mustNotMatch().size()).sum();
      failures.forEach(f -> out.println("FAIL " + f));
      out.printf(
          "%d queries, %d examples: %d passed, %d failed%n",
          queries.size(), examples, examples - failures.size(), failures.size());
      return failures.isEmpty() ? ExitCodes.OK : ExitCodes.NO;
    }
  }
}
