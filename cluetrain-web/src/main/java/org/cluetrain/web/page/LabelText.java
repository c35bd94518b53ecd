package org.cluetrain.web.page;

import org.cluetrain.model.Label;

/**
 * How a classifier's verdict on a post reads, the same on every page (mentions, threads, inbox):
 * the verdict in words with its probability, e.g. "not offensive 96 %", and "unsure (negative 53
 * %)" when the classifier is too unsure to act on it ({@link Label#unsure()}).
 */
public final class LabelText {
  private LabelText() {}

  /** The verdict in words with its probability, marked unsure below the threshold. */
  public static String text(Messages t, Label label) {
    String verdict = t.get("label." + label.value()) + " " + t.percent(label.score());
    return label.unsure() ? t.get("label.unsure", verdict) : verdict;
  }

  /** The class of the verdict's badge: {@code unsure}, or the verdict itself (for its colour). */
  public static String badge(Label label) {
    return label.unsure() ? "unsure" : label.value();
  }

  /** Whether the classifier is sure the post is spam. */
  public static boolean isSpam(Label spam) {
    return spam != null && !spam.unsure() && "spam".equals(spam.value());
  }
}
