package org.cluetrain.inbox;

import java.util.Arrays;
import java.util.Locale;

/** Where an item stands: it needs someone ({@code open}), waits for someone, or is done. */
public enum Status {
  /** Needs the team's attention; the response clock runs until the first response. */
  OPEN,
  /** Waiting for someone else (the author, a colleague); the response clock pauses. */
  PENDING,
  /** Nothing more to do. */
  DONE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status with this label ({@code open}, {@code pending}, {@code done}). */
  public static Status parse(String label) {
    return Arrays.stream(values())
        .filter(s -> s.label().equals(label == null ? "" : label.strip().toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "status '" + label + "' is not one of open, pending, done"));
  }
}
