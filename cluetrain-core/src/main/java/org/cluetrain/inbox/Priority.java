package org.cluetrain.inbox;

import java.util.Arrays;
import java.util.Locale;

/** How urgent an item is, lowest first. */
public enum Priority {
  LOW,
  NORMAL,
  HIGH,
  URGENT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The priority with this label ({@code low}, {@code normal}, {@code high}, {@code urgent}). */
  public static Priority parse(String label) {
    return Arrays.stream(values())
        .filter(p -> p.label().equals(label == null ? "" : label.strip().toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "priority '" + label + "' is not one of low, normal, high, urgent"));
  }

  public Priority max(Priority other) {
    return other.compareTo(this) > 0 ? other : this;
  }
}
