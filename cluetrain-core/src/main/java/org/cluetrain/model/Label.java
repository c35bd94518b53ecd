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
  /**
   * Below this probability a label is <em>unsure</em>: shown as such, and inbox rules do not act on
   * it. The shipped classifiers' probabilities are calibrated (see their model cards), so a label
   * at 0.6 is right about six times in ten.
   */
  public static final double UNSURE_BELOW = 0.6;

  public Label {
    Requirements.nonBlank(value, "label value");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("label score must be within 0..1, was " + score);
    }
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  /**
   * Whether the classifier is too unsure of this label to act on it (below {@link #UNSURE_BELOW}).
   */
  public boolean unsure() {
    return score < UNSURE_BELOW;
  }
}
