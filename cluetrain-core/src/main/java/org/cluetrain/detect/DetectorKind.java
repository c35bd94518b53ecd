package org.cluetrain.detect;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a rule watches for. The names are the ones the workspace file and the API use. */
public enum DetectorKind {
  /**
   * More posts than the hour of the week leads to expect (optionally only posts of one sentiment).
   */
  VOLUME("volume"),
  /** The share of negative posts jumps, whether or not the volume does. */
  NEGATIVE_SHARE("negative-share"),
  /** Many authors never seen on the query before, or a source never seen before, start talking. */
  NEW_VOICES("new-voices"),
  /**
   * A story that surged in niche places (forums, blogs, comments) reaches news sites; the alert
   * says how long the niche sources were ahead.
   */
  SPILLOVER("spillover");

  private final String label;

  DetectorKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The detector with this name; the exception lists the known ones. */
  public static DetectorKind fromLabel(String label) {
    for (DetectorKind kind : values()) {
      if (kind.label.equalsIgnoreCase(label == null ? "" : label.strip())) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown detector '" + label + "', expected one of " + labels());
  }

  /** Every detector name, comma separated. */
  public static String labels() {
    return Arrays.stream(values()).map(DetectorKind::label).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return label;
  }
}
