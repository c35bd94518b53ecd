package org.cluetrain.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The record of retention runs: when each ran and what it removed per project. */
public interface RetentionLog {

  /** Records a run. */
  void record(Run run);

  /** The latest run, if any ran. */
  Optional<Run> last();

  /**
   * What one project lost to a retention run.
   *
   * @param posts posts removed (their rows, index documents and texts)
   * @param inboxItems inbox items closed longer than the project keeps them, removed
   */
  record Removed(long posts, long inboxItems) {
    public static final Removed NOTHING = new Removed(0, 0);

    public Removed {
      if (posts < 0 || inboxItems < 0) {
        throw new IllegalArgumentException("removed counts cannot be negative");
      }
    }

    public Removed plus(Removed other) {
      return new Removed(posts + other.posts, inboxItems + other.inboxItems);
    }
  }

  /**
   * One run.
   *
   * @param at when it ran
   * @param projects what it removed per project, for every project it looked at
   */
  record Run(Instant at, Map<String, Removed> projects) {
    public Run {
      Objects.requireNonNull(at, "at");
      projects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(projects));
    }

    /** What it removed in all projects together. */
    public Removed total() {
      return projects.values().stream().reduce(Removed.NOTHING, Removed::plus);
    }
  }
}
