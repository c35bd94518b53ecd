package org.cluetrain.privacy;

import java.util.Locale;

/** What erasing a person does to their posts in a project: the operator's choice per project. */
public enum ErasureMode {
  /** The posts are deleted, and every figure they counted in is corrected. */
  REMOVE,
  /** The texts stay; the author is replaced by a stable keyed pseudonym. */
  PSEUDONYMISE;

  /** The mode as the workspace writes it: {@code remove} or {@code pseudonymise}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode a workspace names, or an error that says which are allowed. */
  public static ErasureMode parse(String value) {
    for (ErasureMode mode : values()) {
      if (mode.label().equalsIgnoreCase(value.strip())) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "erasure must be 'remove' or 'pseudonymise', was '" + value + "'");
  }
}
