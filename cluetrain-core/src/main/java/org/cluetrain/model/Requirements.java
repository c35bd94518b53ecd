package org.cluetrain.model;

import org.jspecify.annotations.Nullable;

/** Argument checks shared by the model's records, with messages that name the argument. */
final class Requirements {
  private Requirements() {}

  static String nonBlank(@Nullable String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }
}
