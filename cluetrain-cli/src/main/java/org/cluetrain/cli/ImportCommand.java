package org.cluetrain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.ingest.CountedFile;
import org.cluetrain.app.ingest.FileImporter;
import org.cluetrain.app.ingest.FileReport;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.formats.Formats;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.kafka.PostLogSettings;
import org.cluetrain.kafka.PostLogTopics;
import org.cluetrain.kafka.PostLogWriter;
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
      "Importing the same file again adds nothing. While 'serve' holds the data directory, the"
          + " files are handed to the running server and imported there. Exit status: 0 all imported, 3 finished with"
          + " per-item errors (listed), 2 an input could not be used at all.",
      "When the workspace names a Kafka cluster (a 'kafka:' section), the posts are written to"
          + " its post log instead, for the pipeline that reads the log to store."
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
    Workspace workspace = options.readWorkspace();
    if (workspace.postLog() != null) {
      return importToPostLog(workspace, workspace.postLog(), formats, out, err);
    }
    Outcome outcome = new Outcome();
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(options.data, workspace)) {
      String chosenProject = Options.project(runtime.workspace(), project);
      FileImporter importer = new FileImporter(runtime.pipeline(), formats);
      for (Path file : files) {
        FileReport report = importLocally(importer, file, chosenProject, out);
        print(report, out, err, outcome);
        if (!report.subscriptions().isEmpty()) {
          subscribe(runtime, chosenProject, report.subscriptions(), out, err, outcome);
        }
      }
    } catch (EmbeddedRuntime.InUseException inUse) {
      ServerClient server = ServerClient.holding(inUse);
      err.printf(
          "the data directory is held by the running server (%s): importing through it%n",
          server.server().url());
      String chosenProject = project != null ? project : server.onlyProject("imports into");
      for (Path file : files) {
        importThrough(server, file, chosenProject, out, err, outcome);
      }
    }
    return outcome.unusable
        ? ExitCodes.UNUSABLE
        : outcome.partial ? ExitCodes.PARTIAL : ExitCodes.OK;
  }

  /**
   * Reads the files and writes their posts to the workspace's post log; nothing is stored here, so
   * the data directory is not opened.
   */
  private Integer importToPostLog(
      Workspace workspace, PostLogSettings log, Formats formats, PrintWriter out, PrintWriter err) {
    String chosenProject = Options.project(workspace, project);
    PostLogTopics.requireExisting(log);
    Outcome outcome = new Outcome();
    try (PostLogWriter writer = new PostLogWriter(log)) {
      FileImporter importer = FileImporter.toPostLog(writer, formats);
      for (Path file : files) {
        FileReport report = importLocally(importer, file, chosenProject, out);
        out.printf(
            "%s: %s, %d read, %d written to the post log (topic %s at %s)%s%n",
            report.file(),
            report.format() == null ? "unknown format" : report.format(),
            report.read(),
            report.read(),
            log.topic(),
            log.bootstrapServers(),
            report.problems().isEmpty() ? "" : ", " + report.problems().size() + " problems");
        report.problems().forEach(problem -> err.println("  " + problem));
        if (report.unusable() != null) {
          err.println("  " + report.unusable());
          outcome.unusable = true;
        } else if (!report.problems().isEmpty()) {
          outcome.partial = true;
        }
        if (!report.subscriptions().isEmpty()) {
          out.println(
              "  feeds listed (subscriptions are kept in the data directory: add them to a"
                  + " project):");
          for (ReadItem.FeedSubscription feed : report.subscriptions()) {
            out.printf("    - name: %s%n      feed: %s%n", quoteYaml(feed.title()), feed.feedUrl());
          }
        }
      }
    }
    return outcome.unusable
        ? ExitCodes.UNUSABLE
        : outcome.partial ? ExitCodes.PARTIAL : ExitCodes.OK;
  }

  /** What the files' imports came to, for the exit status. */
  private static final class Outcome {
    boolean partial;
    boolean unusable;
  }

  private FileReport importLocally(
      FileImporter importer, Path file, String project, PrintWriter out) {
    if (!Files.isRegularFile(file)) {
      return importer.importFile(file, project, format); // reports the missing file
    }
    long size = size(file);
    CountedFile read = new CountedFile(file);
    InputDocument input = new InputDocument(file.toString(), null, null, read::open);
    ProgressLine progress = ProgressLine.forTerminal(out, file.getFileName().toString());
    FileReport report =
        importer.importDocument(
            input, project, format, soFar -> progress.update(read.bytesRead(), size, soFar.read()));
    progress.finish();
    return report;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static void print(FileReport report, PrintWriter out, PrintWriter err, Outcome outcome) {
    out.printf(
        "%s: %s, %d read, %d new, %d already stored%s%s%n",
        report.file(),
        report.format() == null ? "unknown format" : report.format(),
        report.read(),
        report.stored(),
        report.alreadyKnown(),
        report.suppressed() == 0
            ? ""
            : ", " + report.suppressed() + " suppressed (authors erased on request)",
        report.problems().isEmpty() ? "" : ", " + report.problems().size() + " problems");
    for (String problem : report.problems()) {
      err.println("  " + problem);
    }
    if (report.unusable() != null) {
      err.println("  " + report.unusable());
      outcome.unusable = true;
    } else if (!report.problems().isEmpty()) {
      outcome.partial = true;
    }
  }

  private static void subscribe(
      EmbeddedRuntime runtime,
      String chosenProject,
      List<ReadItem.FeedSubscription> feeds,
      PrintWriter out,
      PrintWriter err,
      Outcome outcome) {
    if (chosenProject != null) {
      EmbeddedRuntime.Subscribed subscribed = runtime.subscribe(chosenProject, feeds);
      out.printf(
          "  %d feeds listed, %d newly subscribed for project %s (polled by serve)%n",
          feeds.size(), subscribed.added(), chosenProject);
      for (String refused : subscribed.refused()) {
        err.println("  " + refused);
        outcome.partial = true;
      }
    } else {
      out.println(
          "  feeds listed (import with --project P to subscribe, or add them to a project):");
      for (ReadItem.FeedSubscription feed : feeds) {
        out.printf("    - name: %s%n      feed: %s%n", quoteYaml(feed.title()), feed.feedUrl());
      }
    }
  }

  /**
   * Sends the file to the running server and follows its import to the end, reporting exactly as a
   * local import does.
   */
  private void importThrough(
      ServerClient server,
      Path file,
      String chosenProject,
      PrintWriter out,
      PrintWriter err,
      Outcome outcome)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(file)) {
      err.println(
          "  " + file + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
      outcome.unusable = true;
      return;
    }
    JsonNode job =
        server.postFile(
            "/api/projects/"
                + ServerClient.encode(chosenProject)
                + "/imports?file="
                + ServerClient.encode(file.getFileName().toString())
                + "&format="
                + ServerClient.encode(format),
            file);
    String id = job.path("id").asText();
    ProgressLine progress = ProgressLine.forTerminal(out, file.getFileName().toString());
    while (!job.path("state").asText().equals("DONE")) {
      Thread.sleep(POLL_MILLIS);
      job = server.get("/api/imports/" + ServerClient.encode(id));
      progress.update(
          job.path("bytes_read").asLong(),
          job.path("bytes").asLong(),
          job.path("report").path("read").asLong());
    }
    progress.finish();
    JsonNode report = job.path("report");
    List<String> problems = new ArrayList<>();
    report.path("problems").forEach(p -> problems.add(p.asText()));
    print(
        new FileReport(
            file.toString(),
            report.path("format").asText(null),
            report.path("read").asInt(),
            report.path("stored").asInt(),
            report.path("already_known").asInt(),
            problems,
            List.of(),
            report.path("unusable").asText(null),
            report.path("suppressed").asInt()),
        out,
        err,
        outcome);
    int feeds = report.path("subscriptions").size();
    if (feeds > 0) {
      out.printf(
          "  %d feeds listed, %d newly subscribed for project %s (polled by serve)%n",
          feeds, job.path("subscribed").asInt(), chosenProject);
    }
  }

  /** How often a followed import is asked how far it is. */
  private static final long POLL_MILLIS = 250;

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
