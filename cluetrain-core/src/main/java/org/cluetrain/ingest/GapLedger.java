package org.cluetrain.ingest;

import java.time.Instant;
import java.util.List;

/**
 * Every interval a live source could not cover, with the reason and whether it was backfilled: so
 * that nobody trusts a silent zero. A gap is keyed by its source and its start; recording a gap
 * again with the same start extends it (a source failing several times in a row has one gap).
 */
public interface GapLedger {

  /**
   * Records a gap, or extends the one of the same source with the same start (its end, reason and
   * detail become this gap's).
   */
  void record(Gap gap);

  /**
   * Marks the source's gaps that are not backfilled yet and end at or before {@code coveredUntil}
   * as backfilled at {@code at}: a fetch reached back over them.
   *
   * @return how many gaps were marked
   */
  int backfill(String sourceId, Instant coveredUntil, Instant at);

  /** The source's gaps that overlap {@code [since, until)}, oldest first. */
  List<Gap> gaps(String sourceId, Instant since, Instant until);

  /** The project's gaps that overlap {@code [since, until)}, by source, then oldest first. */
  List<Gap> projectGaps(String project, Instant since, Instant until);
}
