package org.cluetrain.kafka;

/** A record of the post log that is not a post this reader can read: why, and in what way. */
public final class MalformedPostRecordException extends Exception {
  private static final long serialVersionUID = 1L;

  private final DeadLetterReason reason;

  public MalformedPostRecordException(DeadLetterReason reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  public DeadLetterReason reason() {
    return reason;
  }
}
