package org.cluetrain.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A part of a report, in the order a report shows them. A definition lists the ones it wants; the
 * report keeps this order whatever the order in the definition.
 */
public enum ReportSection {
  /** Mentions, negative share, authors and sources, each beside its previous value. */
  OVERVIEW("overview"),
  /** Progress towards the project's goals. */
  GOALS("goals"),
  /** Mentions per query per day and the brand's share of voice against its competitors. */
  VOLUME("volume"),
  /** Sentiment per day and what the negative mentions are about (its drivers). */
  SENTIMENT("sentiment"),
  /** Where the conversations are: the sources with most of the brand's mentions. */
  SOURCES("sources"),
  /** The threads that grew most in the period. */
  THREADS("threads"),
  /** The people who wrote most and those who drew most answers. */
  MULTIPLIERS("multipliers"),
  /** Terms emerging against the baseline. */
  TOPICS("topics"),
  /** The alerts raised in the period. */
  ALERTS("alerts"),
  /** Inbox items, answers and response times. */
  INBOX("inbox");

  private final String key;

  ReportSection(String key) {
    this.key = key;
  }

  /** The name used in the workspace file, the API and the messages. */
  public String key() {
    return key;
  }

  /** The section named {@code key}; its message lists the names there are. */
  public static ReportSection of(String key) {
    for (ReportSection section : values()) {
      if (section.key.equals(key.trim().toLowerCase(Locale.ROOT))) {
        return section;
      }
    }
    throw new IllegalArgumentException(
        "unknown report section '" + key + "', expected one of " + String.join(", ", keys()));
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(ReportSection::key).toList();
  }
}
