package org.cluetrain.report.goal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where the goals written in the web interface are kept, beside the workspace file's, with every
 * version ever saved. A goal stored here under the same project and name as one of the file's
 * replaces it while it is here; deleting it brings the file's back.
 *
 * <p>Saving never overwrites: each save appends a version, numbered from 1 per project and name.
 * Deleting removes the goal from {@link #goals(String)} but keeps its versions; saving it again
 * continues their numbering.
 */
public interface GoalStore extends AutoCloseable {

  /**
   * One saved state of a goal.
   *
   * @param number the version's number, 1 for the first save of the project and name
   * @param editedBy the account that saved it
   * @param edited when
   */
  record Version(Goal goal, int number, String editedBy, Instant edited) {
    public Version {
      Objects.requireNonNull(goal, "goal");
      Objects.requireNonNull(editedBy, "editedBy");
      Objects.requireNonNull(edited, "edited");
      if (number < 1) {
        throw new IllegalArgumentException("a goal's versions count from 1, not " + number);
      }
    }
  }

  /** Saves the goal as its project's next version of it, creating it or changing it. */
  Version save(Goal goal, String editedBy, Instant edited);

  /** The project's stored goals, each at its latest version, by name. */
  List<Version> goals(String project);

  /** Every version of one goal, oldest first; empty when it was never saved here. */
  List<Version> history(String project, String name);

  /** Removes the goal (its versions stay); answers whether there was one. */
  boolean delete(String project, String name);

  @Override
  void close();
}
