package org.cluetrain.kafka;

/**
 * Why a record of the post log could not be read as a post, and went to the dead-letter topic. The
 * {@link #code()} is what the record's {@value DeadLetters#REASON} header says.
 */
public enum DeadLetterReason {
  /** The value is not a JSON object (or is empty). */
  NOT_JSON("not-json"),
  /** The record's {@code version} is missing or one this reader does not know. */
  UNKNOWN_VERSION("unknown-version"),
  /** The post has no {@code id}. */
  MISSING_ID("missing-id"),
  /** The post has neither {@code text} nor {@code title}. */
  MISSING_TEXT("missing-text"),
  /** The post is there but is not a valid post (no source, no time, a field of the wrong type…). */
  INVALID_POST("invalid-post");

  private final String code;

  DeadLetterReason(String code) {
    this.code = code;
  }

  /** The reason as the dead-letter header writes it, e.g. {@code missing-id}. */
  public String code() {
    return code;
  }
}
