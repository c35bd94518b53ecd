package org.cluetrain.app.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.formats.Formats;
import org.cluetrain.ingest.FormatReader;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.ingest.UnusableInputException;
import org.cluetrain.kafka.PostLogException;
import org.cluetrain.kafka.PostLogWriter;
import org.cluetrain.model.Post;
import org.cluetrain.pipeline.BatchOutcome;
import org.cluetrain.pipeline.ListeningPipeline;
import org.jspecify.annotations.Nullable;

/**
 * Imports files through the pipeline, streaming: posts are processed in batches as the reader
 * produces them, so a file of any size needs only one batch in memory. A batch is reported as
 * imported only after the pipeline has made it durable.
 */
public final class FileImporter {
  /** Posts per pipeline batch: large enough to amortise commits, small enough to lose little. */
  public static final int BATCH_SIZE = 1_000;

  private final Function<List<Post>, CompletableFuture<BatchOutcome>> destination;
  private final Formats formats;

  public FileImporter(ListeningPipeline pipeline, Formats formats) {
    this(Objects.requireNonNull(pipeline, "pipeline")::submit, formats);
  }

  private FileImporter(
      Function<List<Post>, CompletableFuture<BatchOutcome>> destination, Formats formats) {
    this.destination = destination;
    this.formats = Objects.requireNonNull(formats, "formats");
  }

  /**
   * An importer that writes the posts to the post log instead of running the pipeline: the pipeline
   * runs where the log is read. A batch counts as done once the cluster acknowledged all of its
   * posts; its outcome says how many were written (received), none stored.
   */
  public static FileImporter toPostLog(PostLogWriter writer, Formats formats) {
    Objects.requireNonNull(writer, "writer");
    return new FileImporter(
        batch -> {
          try {
            int written = writer.write(batch);
            return CompletableFuture.completedFuture(
                new BatchOutcome(written, 0, 0, List.of(), List.of()));
          } catch (PostLogException e) {
            return CompletableFuture.failedFuture(e);
          }
        },
        formats);
  }

  /**
   * Imports one file.
   *
   * @param project the project the posts are collected for, or {@code null}
   * @param format a format name, or {@code auto} to detect it
   */
  public FileReport importFile(Path file, String project, String format) {
    if (!Files.isRegularFile(file)) {
      return new FileReport.Builder(file.toString())
          .unusable(file + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
    }
    return importDocument(InputDocument.ofFile(file), project, format, progress -> {});
  }

  /**
   * Imports one document (a file, or an upload kept under its original name), telling {@code
   * progress} what is done after every durable batch, so a long import can be watched.
   *
   * @param project the project the posts are collected for, or {@code null}
   * @param format a format name, or {@code auto} to detect it
   */
  public FileReport importDocument(
      InputDocument input, String project, String format, Consumer<FileReport> progress) {
    FileReport.Builder report = new FileReport.Builder(input.name());
    FormatReader reader;
    try {
      reader =
          format == null || format.equals("auto") ? formats.detect(input) : formats.byName(format);
    } catch (UnusableInputException e) {
      return report.unusable(e.getMessage());
    } catch (IllegalArgumentException e) {
      return report.unusable(input.name() + ": " + e.getMessage());
    }
    return importWith(reader, input, project, progress, report);
  }

  /**
   * Imports one document with the given reader, for inputs that are not files of a known format
   * (posts pushed over HTTP).
   */
  public FileReport importWith(FormatReader reader, InputDocument input, String project) {
    return importWith(reader, input, project, progress -> {}, new FileReport.Builder(input.name()));
  }

  private FileReport importWith(
      FormatReader reader,
      InputDocument input,
      String project,
      Consumer<FileReport> progress,
      FileReport.Builder report) {
    List<Post> batch = new ArrayList<>(BATCH_SIZE);
    InFlight inFlight = new InFlight(report, progress);
    try {
      report.format(reader.format());
      formats.read(
          input,
          reader,
          item -> {
            if (item instanceof ReadItem.ParsedPost parsed) {
              Post post = parsed.post();
              batch.add(project == null ? post : post.toBuilder().project(project).build());
              if (batch.size() >= BATCH_SIZE) {
                inFlight.hand(batch);
              }
            } else if (item instanceof ReadItem.UnreadableItem problem) {
              report.problem(problem.toString());
            } else if (item instanceof ReadItem.FeedSubscription subscription) {
              report.subscription(subscription);
            }
          });
      inFlight.hand(batch);
      inFlight.finish();
    } catch (UnusableInputException e) {
      inFlight.hand(batch); // whatever was read before the input broke off is kept
      inFlight.finish();
      return report.unusable(e.getMessage());
    } catch (IllegalArgumentException e) {
      inFlight.finish();
      return report.unusable(input.name() + ": " + e.getMessage());
    }
    return report.build();
  }

  /**
   * The batch being written while the next is read, enriched and matched: one at a time, so the
   * file's reading and the pipeline's writing use both cores and memory holds two batches at most.
   * A batch is reported once it is durable.
   */
  private final class InFlight {
    private final FileReport.Builder report;
    private final Consumer<FileReport> progress;
    private @Nullable CompletableFuture<BatchOutcome> writing;

    InFlight(FileReport.Builder report, Consumer<FileReport> progress) {
      this.report = report;
      this.progress = progress;
    }

    void hand(List<Post> batch) {
      if (batch.isEmpty()) {
        return;
      }
      CompletableFuture<BatchOutcome> next = destination.apply(List.copyOf(batch));
      batch.clear();
      finish();
      writing = next;
    }

    /** Waits for the batch being written, if any, and reports it. */
    void finish() {
      CompletableFuture<BatchOutcome> last = writing;
      if (last == null) {
        return;
      }
      writing = null;
      try {
        report.add(last.join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        throw e;
      }
      progress.accept(report.build());
    }
  }

  /**
   * Imports every file the workspace's projects declare ({@code import:} sources), each for its
   * project, reporting each file as it is done.
   *
   * @param done receives the project's name and the file's report
   */
  public void importWorkspace(Workspace workspace, BiConsumer<String, FileReport> done) {
    for (Workspace.Project project : workspace.projects()) {
      for (Path file : project.imports()) {
        done.accept(project.name(), importFile(file, project.name(), "auto"));
      }
    }
  }
}
