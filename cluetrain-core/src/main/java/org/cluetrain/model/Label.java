package org.cluetrain.model;

import java.util.List;

/**
 * The verdict of one classifier on one post, with the evidence that decided it.
 *
 * @param value the label, e.g. {@code negative}
 * @param score the classifier's probability or confidence for that label, 0..1
 * @param reasons the few words or features that decided it, for "why negative?"
 */
public record Label(String value, double score, List<String> reasons) {
  public Label {
    Requirements.nonBlank(value, "label value");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("label score must be within 0..1, was " + score);
    }
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }
}
