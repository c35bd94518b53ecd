package org.cluetrain.query;

/**
 * A query that does not parse. The message names the position (1-based character column) and what
 * was expected there, e.g. {@code at 14: expected ')' to close '(' at 3, found end of query}.
 */
public class QuerySyntaxException extends Exception {
  private final int position;

  public QuerySyntaxException(int position, String problem) {
    super("at " + position + ": " + problem);
    this.position = position;
  }

  /** 1-based character position in the query text where the problem was found. */
  public int position() {
    return position;
  }
}
