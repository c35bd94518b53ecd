package org.cluetrain.ingest;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A live source could not fetch: the reason becomes a {@link Gap}, the message its detail and the
 * source's last error.
 */
public final class SourceFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final GapReason reason;
  private final @Nullable Instant retryAfter;

  /**
   * @param reason why the interval is not covered
   * @param message the problem in words, naming the address
   * @param retryAfter when the host allows the next request, if it said so
   */
  public SourceFailure(GapReason reason, String message, @Nullable Instant retryAfter) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.retryAfter = retryAfter;
  }

  public SourceFailure(GapReason reason, String message) {
    this(reason, message, null);
  }

  public GapReason reason() {
    return reason;
  }

  /** When the host allows the next request, or {@code null}. */
  public @Nullable Instant retryAfter() {
    return retryAfter;
  }
}
