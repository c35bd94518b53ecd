package org.cluetrain.privacy;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * The authors erased on request, so that a re-import or a live source does not bring them back. It
 * holds keyed hashes only ({@link KeyedHash}), never a handle or a name: the list itself names
 * nobody.
 */
public interface SuppressionList {

  /** Adds these keyed hashes; adding one again changes nothing. */
  void suppress(Collection<String> keyedHashes, Instant at);

  /** Which of these keyed hashes are on the list. */
  Set<String> suppressedAmong(Collection<String> keyedHashes);

  /** How many keyed hashes are on the list. */
  long suppressedCount();
}
