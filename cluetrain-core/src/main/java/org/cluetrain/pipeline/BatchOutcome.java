package org.cluetrain.pipeline;

import java.util.List;

/**
 * What became of one batch of posts.
 *
 * @param received posts handed to the pipeline
 * @param stored posts that were new and are now durable and searchable
 * @param alreadyKnown posts that were stored before (a re-import, an overlapping poll): unchanged
 * @param failures posts that could not be processed, each with the stage and the reason
 * @param queryProblems saved queries that failed on this batch (the others still matched)
 * @param suppressed posts left out because their author was erased on request and is on the
 *     suppression list
 */
public record BatchOutcome(
    int received,
    int stored,
    int alreadyKnown,
    List<PostFailure> failures,
    List<String> queryProblems,
    int suppressed) {

  public BatchOutcome {
    failures = List.copyOf(failures);
    queryProblems = List.copyOf(queryProblems);
  }

  /** An outcome without suppressed posts. */
  public BatchOutcome(
      int received,
      int stored,
      int alreadyKnown,
      List<PostFailure> failures,
      List<String> queryProblems) {
    this(received, stored, alreadyKnown, failures, queryProblems, 0);
  }

  /** One post that a stage could not process. */
  public record PostFailure(String postId, String stage, String problem) {
    @Override
    public String toString() {
      return "post " + postId + ": " + stage + ": " + problem;
    }
  }
}
