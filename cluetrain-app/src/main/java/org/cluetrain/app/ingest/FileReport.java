package org.cluetrain.app.ingest;

import java.util.ArrayList;
import java.util.List;
import org.cluetrain.ingest.ReadItem;
import org.cluetrain.pipeline.BatchOutcome;

/**
 * What importing one file did.
 *
 * @param file the file
 * @param format the format it was read as, or {@code null} when it could not be used at all
 * @param read posts read from it
 * @param stored posts that were new and are now stored
 * @param alreadyKnown posts that were stored before: unchanged
 * @param problems items that could not be read or processed, each naming file, item and reason
 * @param subscriptions feeds listed in it (OPML)
 * @param unusable why the file as a whole could not be used, or {@code null}
 * @param suppressed posts left out because their author was erased on request
 */
public record FileReport(
    String file,
    String format,
    int read,
    int stored,
    int alreadyKnown,
    List<String> problems,
    List<ReadItem.FeedSubscription> subscriptions,
    String unusable,
    int suppressed) {

  public FileReport {
    problems = List.copyOf(problems);
    subscriptions = List.copyOf(subscriptions);
  }

  /** A report of a file none of whose posts were suppressed. */
  public FileReport(
      String file,
      String format,
      int read,
      int stored,
      int alreadyKnown,
      List<String> problems,
      List<ReadItem.FeedSubscription> subscriptions,
      String unusable) {
    this(file, format, read, stored, alreadyKnown, problems, subscriptions, unusable, 0);
  }

  /** The same report with other problems. */
  public FileReport withProblems(List<String> otherProblems) {
    return new FileReport(
        file,
        format,
        read,
        stored,
        alreadyKnown,
        otherProblems,
        subscriptions,
        unusable,
        suppressed);
  }

  /** Collects a report while a file streams through the pipeline. */
  static final class Builder {
    /** More problems than this are counted but not listed: one broken file must not flood. */
    static final int MAX_LISTED_PROBLEMS = 200;

    private final String file;
    private String format;
    private int read;
    private int stored;
    private int alreadyKnown;
    private int suppressed;
    private int unlisted;
    private final List<String> problems = new ArrayList<>();
    private final List<ReadItem.FeedSubscription> subscriptions = new ArrayList<>();

    Builder(String file) {
      this.file = file;
    }

    void format(String format) {
      this.format = format;
    }

    void problem(String problem) {
      if (problems.size() < MAX_LISTED_PROBLEMS) {
        problems.add(problem);
      } else {
        unlisted++;
      }
    }

    void subscription(ReadItem.FeedSubscription subscription) {
      subscriptions.add(subscription);
    }

    void add(BatchOutcome outcome) {
      read += outcome.received();
      stored += outcome.stored();
      alreadyKnown += outcome.alreadyKnown();
      suppressed += outcome.suppressed();
      outcome.failures().forEach(f -> problem(file + ": " + f));
      outcome.queryProblems().forEach(q -> problem("query " + q));
    }

    FileReport unusable(String reason) {
      return new FileReport(
          file, format, read, stored, alreadyKnown, listed(), subscriptions, reason, suppressed);
    }

    FileReport build() {
      return new FileReport(
          file, format, read, stored, alreadyKnown, listed(), subscriptions, null, suppressed);
    }

    private List<String> listed() {
      if (unlisted == 0) {
        return problems;
      }
      List<String> all = new ArrayList<>(problems);
      all.add("… and " + unlisted + " more problems");
      return all;
    }
  }
}
