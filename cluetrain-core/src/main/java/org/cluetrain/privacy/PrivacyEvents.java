package org.cluetrain.privacy;

import java.util.Map;

/**
 * Told about every subject export, erasure and pseudonym reveal once it is done: the one place the
 * audit log hooks in. Implementations must not throw; what they record is theirs to keep.
 */
public interface PrivacyEvents {
  /** Tells nobody: for runs without an audit log. */
  PrivacyEvents NONE = new PrivacyEvents() {};

  /**
   * A person's data was exported (Art. 15).
   *
   * @param actor who asked (an account name)
   * @param subject what they gave to name the person
   * @param found per store, how many records were exported
   */
  default void exported(String actor, String subject, Map<String, Integer> found) {}

  /**
   * A person's data was erased (Art. 17).
   *
   * @param erased per store, how many records were erased or changed
   */
  default void erased(String actor, String subject, Map<String, Integer> erased) {}

  /** An admin revealed who a pseudonym stands for. */
  default void revealed(String actor, String pseudonym) {}
}
