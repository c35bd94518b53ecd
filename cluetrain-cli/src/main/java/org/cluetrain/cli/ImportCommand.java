package org.cluetrain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.ingest.FileImporter;
import org.cluetrain.app.ingest.FileReport;
import org.cluetrain.formats.Formats;
import org.cluetrain.ingest.ReadItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import posts from files: feeds, OPML, WordPress WXR, Disqus, X/Twitter, Mastodon, Reddit,"
          + " CSV/NDJSON, web pages.",
      "Importing the same file again adds nothing. Exit status: 0 all imported, 3 finished with"
          + " per-item errors (listed), 2 an input could not be used at all."
    })
final class ImportCommand implements Callable<Integer> {
  @Mixin Options options;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to import.")
  List<Path> files;

  @Option(
      names = {"-p", "--project"},
      paramLabel = "P",
      description = "Project the posts are collected for (default: the workspace's only project).")
  String project;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "auto",
      description =
          "Input format, or auto to detect it (default). One of: auto, ${COMPLETION-CANDIDATES}.",
      completionCandidates = FormatNames.class)
  String format;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Formats formats = Formats.standard();
    if (!format.equals("auto")) {
      formats.byName(format); // fails with the list of known formats
    }
    boolean partial = false;
    boolean unusable = false;
    try (EmbeddedRuntime runtime = options.open()) {
      String chosenProject = Options.project(runtime.workspace(), project);
      FileImporter importer = new FileImporter(runtime.pipeline(), formats);
      for (Path file : files) {
        FileReport report = importer.importFile(file, chosenProject, format);
        out.printf(
            "%s: %s, %d read, %d new, %d already stored%s%n",
            report.file(),
            report.format() == null ? "unknown format" : report.format(),
            report.read(),
            report.stored(),
            report.alreadyKnown(),
            report.problems().isEmpty() ? "" : ", " + report.problems().size() + " problems");
        for (String problem : report.problems()) {
          err.println("  " + problem);
        }
        if (!report.subscriptions().isEmpty()) {
          if (chosenProject != null) {
            EmbeddedRuntime.Subscribed subscribed =
                runtime.subscribe(chosenProject, report.subscriptions());
            out.printf(
                "  %d feeds listed, %d newly subscribed for project %s (polled by serve)%n",
                report.subscriptions().size(), subscribed.added(), chosenProject);
            for (String refused : subscribed.refused()) {
              err.println("  " + refused);
              partial = true;
            }
          } else {
            out.println(
                "  feeds listed (import with --project P to subscribe, or add them to a project):");
            for (ReadItem.FeedSubscription feed : report.subscriptions()) {
              out.printf(
                  "    - name: %s%n      feed: %s%n", quoteYaml(feed.title()), feed.feedUrl());
            }
          }
        }
        if (report.unusable() != null) {
          err.println("  " + report.unusable());
          unusable = true;
        } else if (!report.problems().isEmpty()) {
          partial = true;
        }
      }
    }
    return unusable ? ExitCodes.UNUSABLE : partial ? ExitCodes.PARTIAL : ExitCodes.OK;
  }

  private static String quoteYaml(String text) {
    return text == null ? "\"\"" : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The names {@code --format} accepts, for help and completion. */
  static final class FormatNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Formats.standard().names().iterator();
    }
  }
}
