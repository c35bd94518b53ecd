package org.cluetrain.app.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.ReadItem;
import org.jspecify.annotations.Nullable;

/**
 * Imports sent to a running server (uploaded in the web application, or handed over by the command
 * line while {@code serve} holds the data directory). An upload is first copied to a file of its
 * own, so a dropped connection never leaves half an import behind; then the jobs run one after
 * another on one thread, through the same pipeline as the feeds, and anyone allowed to see the
 * project can watch a job's counts grow. Finished jobs are remembered (the last {@value
 * #REMEMBERED}) so their per-item errors can still be read.
 */
public final class ImportJobs implements AutoCloseable {
  /** Finished jobs kept for reading their reports. */
  static final int REMEMBERED = 100;

  /** Where a job is. */
  public enum State {
    QUEUED,
    RUNNING,
    DONE
  }

  /**
   * What a job has done so far.
   *
   * @param id the job's id, for {@code /api/imports/{id}}
   * @param project the project the posts are collected for
   * @param file the uploaded file's name
   * @param owner who sent it
   * @param bytes the upload's size
   * @param bytesRead how much of it has been read: with {@code bytes}, how far the import is
   * @param report the counts so far; when {@link State#DONE}, the whole report with its problems
   * @param subscribed feeds newly subscribed for the project (OPML uploads)
   */
  public record Progress(
      String id,
      String project,
      String file,
      String owner,
      long bytes,
      long bytesRead,
      State state,
      Instant submitted,
      @Nullable Instant finished,
      FileReport report,
      int subscribed) {}

  /**
   * Subscribes a project to the feeds an uploaded list names, refusing those the workspace's
   * network settings forbid.
   */
  @FunctionalInterface
  public interface Subscriber {
    /**
     * @return how many feeds were newly subscribed, and why each refused one was
     */
    Subscribed subscribe(String project, List<ReadItem.FeedSubscription> feeds);
  }

  /** What subscribing did: feeds added, and a message for each feed refused. */
  public record Subscribed(int added, List<String> refused) {}

  /** An upload larger than the server accepts. */
  public static final class TooLargeException extends IOException {
    TooLargeException(String file, long limit) {
      super(
          file
              + ": larger than the "
              + (limit >= 1024 * 1024 ? limit / (1024 * 1024) + " MiB" : limit + " bytes")
              + " an import may have");
    }
  }

  private final FileImporter importer;
  private final Subscriber subscriptions;
  private final Path uploads;
  private final long maxBytes;
  private final Clock clock;
  private final ExecutorService worker;
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, Progress> jobs = new LinkedHashMap<>();
  private volatile boolean closing;

  /**
   * @param uploads a directory for uploads waiting to be imported (emptied on start)
   * @param maxBytes the largest upload accepted
   */
  public ImportJobs(
      FileImporter importer, Subscriber subscriptions, Path uploads, long maxBytes, Clock clock)
      throws IOException {
    this.importer = Objects.requireNonNull(importer, "importer");
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.uploads = uploads;
    this.maxBytes = maxBytes;
    this.clock = clock;
    deleteTree(uploads); // uploads of a process that stopped were never reported as imported
    Files.createDirectories(uploads);
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "cluetrain-import");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Takes an upload: copies it to a file of its own (refusing it beyond the size limit) and queues
   * its import.
   *
   * @param fileName the name the sender gave the file: only its last part is kept, for format
   *     detection and messages
   * @param format a format name, or {@code auto}
   */
  public Progress submit(
      String project, String fileName, String format, InputStream body, String owner)
      throws IOException {
    String name = baseName(fileName);
    String id = Long.toString(ids.incrementAndGet());
    Path dir = uploads.resolve(id);
    Files.createDirectories(dir);
    Path file = dir.resolve("upload");
    long size;
    try (OutputStream out = Files.newOutputStream(file)) {
      size = copyAtMost(body, out, maxBytes, name);
    } catch (IOException e) {
      deleteTree(dir);
      throw e;
    }
    Progress queued =
        new Progress(
            id,
            project,
            name,
            owner,
            size,
            0,
            State.QUEUED,
            clock.instant(),
            null,
            new FileReport(name, null, 0, 0, 0, List.of(), List.of(), null),
            0);
    synchronized (jobs) {
      jobs.put(id, queued);
      forgetOldest();
    }
    CountedFile read = stoppable(file);
    InputDocument input = new InputDocument(name, null, null, read::open);
    worker.execute(() -> run(queued, input, format, dir, read));
    return queued;
  }

  /**
   * The upload's bytes, cut off when the server stops: the reader then ends the import as it ends
   * one of a broken file, keeping the batches already stored, and the server need not wait for the
   * rest of a large upload.
   */
  private CountedFile stoppable(Path file) {
    return new CountedFile(file) {
      @Override
      protected void beforeRead() throws IOException {
        if (closing) {
          throw new IOException("the server stopped during the import");
        }
      }
    };
  }

  private void run(
      Progress queued, InputDocument input, String format, Path dir, CountedFile read) {
    update(queued.id(), p -> with(p, State.RUNNING, p.report(), 0, 0));
    FileReport report;
    int subscribed = 0;
    try {
      report =
          importer.importDocument(
              input,
              queued.project(),
              format,
              soFar ->
                  update(queued.id(), p -> with(p, State.RUNNING, soFar, 0, read.bytesRead())));
      if (!report.subscriptions().isEmpty()) {
        Subscribed outcome = subscriptions.subscribe(queued.project(), report.subscriptions());
        subscribed = outcome.added();
        if (!outcome.refused().isEmpty()) {
          List<String> problems = new ArrayList<>(report.problems());
          problems.addAll(outcome.refused());
          report = report.withProblems(problems);
        }
      }
    } catch (RuntimeException e) {
      // one broken upload must not stop the imports queued behind it
      report =
          new FileReport(
              input.name(),
              null,
              0,
              0,
              0,
              List.of(),
              List.of(),
              input.name() + ": the import failed: " + e.getMessage());
    } finally {
      deleteTree(dir);
    }
    FileReport done = report;
    int newlySubscribed = subscribed;
    update(queued.id(), p -> with(p, State.DONE, done, newlySubscribed, p.bytes()));
  }

  private Progress with(
      Progress p, State state, FileReport report, int subscribed, long bytesRead) {
    return new Progress(
        p.id(),
        p.project(),
        p.file(),
        p.owner(),
        p.bytes(),
        bytesRead,
        state,
        p.submitted(),
        state == State.DONE ? clock.instant() : null,
        report,
        subscribed);
  }

  private void update(String id, java.util.function.UnaryOperator<Progress> change) {
    synchronized (jobs) {
      jobs.computeIfPresent(id, (key, p) -> change.apply(p));
    }
  }

  /** A job by its id, while it is remembered. */
  public Optional<Progress> job(String id) {
    synchronized (jobs) {
      return Optional.ofNullable(jobs.get(id));
    }
  }

  /** The remembered jobs, newest first. */
  public List<Progress> recent() {
    synchronized (jobs) {
      List<Progress> all = new ArrayList<>(jobs.values());
      java.util.Collections.reverse(all);
      return all;
    }
  }

  private void forgetOldest() {
    var it = jobs.values().iterator();
    while (jobs.size() > REMEMBERED && it.hasNext()) {
      if (it.next().state() == State.DONE) {
        it.remove();
      }
    }
  }

  /**
   * Stops the job in hand after its current batch (batches are durable one by one; importing the
   * file again adds the rest) and the queued ones before they start. The worker is not interrupted:
   * an interrupt inside the index's file I/O would close the index.
   */
  @Override
  public void close() {
    closing = true;
    worker.shutdown();
    try {
      worker.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String baseName(String fileName) {
    String name = fileName == null ? "" : fileName.strip();
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1).replaceAll("[\\p{Cntrl}]", "");
    return name.isEmpty() || name.equals(".") || name.equals("..") ? "upload" : name;
  }

  private static long copyAtMost(InputStream in, OutputStream out, long limit, String name)
      throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      total += n;
      if (total > limit) {
        throw new TooLargeException(name, limit);
      }
      out.write(buffer, 0, n);
    }
    return total;
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the upload " + dir, e);
    }
  }
}
