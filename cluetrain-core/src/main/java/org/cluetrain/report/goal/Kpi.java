package org.cluetrain.report.goal;

import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalDouble;
import org.cluetrain.report.OverviewReport;

/**
 * What a goal measures, each read from the overview report of one check-in period.
 *
 * <p>Counts ({@link #MENTION_VOLUME}, {@link #UNIQUE_AUTHORS}) are per check-in period; shares and
 * the net sentiment have no value in a period without mentions.
 */
public enum Kpi {
  /** Posts that matched the project's own queries. */
  MENTION_VOLUME("mention_volume", Unit.COUNT, true),
  /** The brand's mentions among the brand's and the competitors' together (0 to 1). */
  SHARE_OF_VOICE("share_of_voice", Unit.SHARE, true),
  /** Positive minus negative mentions, divided by all mentions with a sentiment label (-1 to 1). */
  NET_SENTIMENT("net_sentiment", Unit.SCORE, true),
  /** The brand's mentions labelled negative among all of them (0 to 1); lower is better. */
  NEGATIVE_SHARE("negative_share", Unit.SHARE, false),
  /**
   * Distinct authors of the brand's mentions, voices not echo: near-duplicates, syndicated copies
   * and spam are left out ({@link OverviewReport#voices()}).
   */
  UNIQUE_AUTHORS("unique_authors", Unit.COUNT, true);

  /** How a KPI's values read. */
  public enum Unit {
    COUNT,
    SHARE,
    SCORE
  }

  private final String key;
  private final Unit unit;
  private final boolean higherIsBetter;

  Kpi(String key, Unit unit, boolean higherIsBetter) {
    this.key = key;
    this.unit = unit;
    this.higherIsBetter = higherIsBetter;
  }

  /** The name in the workspace file and the API, e.g. {@code negative_share}. */
  public String key() {
    return key;
  }

  public Unit unit() {
    return unit;
  }

  /** Whether more is better; for {@link #NEGATIVE_SHARE} less is. */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** Whether a value reaches a target: at least it, or at most it when lower is better. */
  public boolean reaches(double value, double target) {
    return higherIsBetter ? value >= target : value <= target;
  }

  /** The KPI's value in a report's period; empty when a share has nothing to be a share of. */
  public OptionalDouble of(OverviewReport report) {
    return switch (this) {
      case MENTION_VOLUME -> OptionalDouble.of(report.mentions());
      case UNIQUE_AUTHORS -> OptionalDouble.of(report.voices());
      case NEGATIVE_SHARE ->
          report.mentions() == 0
              ? OptionalDouble.empty()
              : OptionalDouble.of(report.negativeShare());
      case SHARE_OF_VOICE -> {
        long all = report.shareOfVoice().stream().mapToLong(OverviewReport.Slice::value).sum();
        yield all == 0
            ? OptionalDouble.empty()
            : OptionalDouble.of((double) report.mentions() / all);
      }
      case NET_SENTIMENT -> {
        long positive = total(report, "positive");
        long negative = total(report, "negative");
        long all = positive + negative + total(report, "neutral");
        yield all == 0
            ? OptionalDouble.empty()
            : OptionalDouble.of((double) (positive - negative) / all);
      }
    };
  }

  private static long total(OverviewReport report, String sentiment) {
    return report.sentiment().stream()
        .filter(s -> s.key().equals(sentiment))
        .flatMap(s -> s.values().stream())
        .mapToLong(Long::longValue)
        .sum();
  }

  /** The KPI of a key such as {@code negative_share} (or {@code negative-share}). */
  public static Kpi of(String key) {
    String wanted = key.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    for (Kpi kpi : values()) {
      if (kpi.key.equals(wanted)) {
        return kpi;
      }
    }
    throw new IllegalArgumentException(
        "unknown KPI '" + key + "', expected one of " + String.join(", ", keys()));
  }

  /** Every KPI's key, in order. */
  public static java.util.List<String> keys() {
    return Arrays.stream(values()).map(Kpi::key).toList();
  }
}
