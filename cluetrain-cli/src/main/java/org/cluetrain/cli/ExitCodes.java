package org.cluetrain.cli;

/** What the command's exit status means; scripts rely on these. */
final class ExitCodes {
  /** Everything worked; for {@code query match}: the text matches. */
  static final int OK = 0;

  /** For {@code query match}: no match; for {@code query test}: examples failed. */
  static final int NO = 1;

  /** The input, configuration or query could not be used at all. */
  static final int UNUSABLE = 2;

  /** Finished, but some items failed (listed). */
  static final int PARTIAL = 3;

  private ExitCodes() {}
}
