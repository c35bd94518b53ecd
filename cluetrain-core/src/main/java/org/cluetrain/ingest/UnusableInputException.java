package org.cluetrain.ingest;

/**
 * The input as a whole cannot be used: unknown format, not well-formed at all, unreadable. The
 * message names the input and says what is wrong; no post of it was read.
 */
public class UnusableInputException extends Exception {
  private final String input;

  public UnusableInputException(String input, String problem) {
    super(input + ": " + problem);
    this.input = input;
  }

  public UnusableInputException(String input, String problem, Throwable cause) {
    super(input + ": " + problem, cause);
    this.input = input;
  }

  public String input() {
    return input;
  }
}
