package org.cluetrain.privacy;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Who each author pseudonym stands for, sealed (encrypted under a key derived from the
 * installation's secret): what lets an admin reveal one, and what erasure deletes so that nobody
 * can any more.
 */
public interface PseudonymStore {

  /** Keeps the sealed identity of a pseudonym; one kept already is left as it is. */
  void remember(String pseudonym, String sealed);

  /** The sealed identity of a pseudonym, if it is kept. */
  Optional<String> sealed(String pseudonym);

  /** Every pseudonym with its sealed identity: what a subject request searches. */
  Map<String, String> allSealed();

  /**
   * Forgets these pseudonyms' identities.
   *
   * @return how many were forgotten
   */
  int forget(Collection<String> pseudonyms);
}
