package org.cluetrain.alert;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.cluetrain.detect.DetectorKind;
import org.cluetrain.detect.Sensitivity;
import org.jspecify.annotations.Nullable;

/**
 * One alert rule: which detector watches which query of a project, how sensitive it is and whom it
 * tells.
 *
 * @param name the rule's name, unique in its project
 * @param project the project
 * @param detector what it watches for
 * @param query the name of the saved query it watches, or {@code null} for every query of the
 *     project (each query is its own series)
 * @param sentiment only posts with this sentiment ({@code negative}, {@code positive}, {@code
 *     neutral}) are counted, or {@code null} for all; volume rules only
 * @param sensitivity how surprising an observation must be
 * @param minVolume an alert needs at least this many posts behind it (in the window), however
 *     surprising fewer would be
 * @param minRatio the observed count must be at least this multiple of the expected one: a
 *     statistically certain rise of 10 % at large volumes is not worth waking anyone for
 * @param window the span of recent posts each test looks at (ending at the newest post)
 * @param baseline how much history the expectation is learned from
 * @param minHistory how much history a query needs before the rule raises anything
 * @param cooldown after an alert, the same rule raises nothing more on the same query until its
 *     condition has been absent this long: a crisis that lasts three days is one alert
 * @param recipients the names of the destinations the alert goes to; empty: stored and listed only
 * @param newsSites host names counted as news for spill-over, besides sources typed as news
 */
public record AlertRule(
    String name,
    String project,
    DetectorKind detector,
    @Nullable String query,
    @Nullable String sentiment,
    Sensitivity sensitivity,
    int minVolume,
    double minRatio,
    Duration window,
    Duration baseline,
    Duration minHistory,
    Duration cooldown,
    List<String> recipients,
    Set<String> newsSites) {

  /** The defaults a rule gets for every setting the workspace leaves out. */
  public static final Sensitivity DEFAULT_SENSITIVITY = Sensitivity.MEDIUM;

  public static final int DEFAULT_MIN_VOLUME = 10;
  public static final double DEFAULT_MIN_RATIO = 1.5;
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

  /**
   * A share moves more slowly than a volume and needs more posts to be sure of: negative-share
   * rules look at six hours unless told otherwise.
   */
  public static final Duration DEFAULT_SHARE_WINDOW = Duration.ofHours(6);

  public static final Duration DEFAULT_BASELINE = Duration.ofDays(28);
  public static final Duration DEFAULT_MIN_HISTORY = Duration.ofDays(2);
  public static final Duration DEFAULT_COOLDOWN = Duration.ofHours(6);

  /** The sentiments a rule can filter on. */
  public static final List<String> SENTIMENTS = List.of("negative", "positive", "neutral");

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,79}");

  public AlertRule {
    Objects.requireNonNull(name, "rule name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "rule name '"
              + name
              + "' must be lower case letters, digits, '-', '_' or '.' (at most 80), starting"
              + " with a letter or digit");
    }
    Objects.requireNonNull(project, "project of rule " + name);
    Objects.requireNonNull(detector, "detector of rule " + name);
    query = query == null || query.isBlank() ? null : query.strip();
    if (sentiment != null) {
      sentiment = sentiment.strip().toLowerCase(Locale.ROOT);
      if (!SENTIMENTS.contains(sentiment)) {
        throw new IllegalArgumentException(
            "rule '" + name + "': sentiment '" + sentiment + "' is not one of " + SENTIMENTS);
      }
      if (detector != DetectorKind.VOLUME) {
        throw new IllegalArgumentException(
            "rule '"
                + name
                + "': only volume rules filter by sentiment (the "
                + detector
                + " detector looks at all posts)");
      }
    }
    sensitivity = sensitivity == null ? DEFAULT_SENSITIVITY : sensitivity;
    if (minVolume < 1) {
      throw new IllegalArgumentException(
          "rule '" + name + "': min-volume must be at least 1, was " + minVolume);
    }
    if (!(minRatio >= 1)) {
      throw new IllegalArgumentException(
          "rule '" + name + "': min-ratio must be at least 1, was " + minRatio);
    }
    window = positive(window, defaultWindow(detector), "window", name);
    baseline = positive(baseline, DEFAULT_BASELINE, "baseline", name);
    minHistory = minHistory == null ? DEFAULT_MIN_HISTORY : minHistory;
    cooldown = cooldown == null ? DEFAULT_COOLDOWN : cooldown;
    if (window.compareTo(Duration.ofMinutes(5)) < 0 || window.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException(
          "rule '" + name + "': window must be between 5m and 1d, was " + human(window));
    }
    if (baseline.compareTo(Duration.ofDays(1)) < 0 || baseline.compareTo(Duration.ofDays(92)) > 0) {
      throw new IllegalArgumentException(
          "rule '" + name + "': baseline must be between 1d and 92d, was " + human(baseline));
    }
    if (minHistory.isNegative() || minHistory.compareTo(baseline) > 0) {
      throw new IllegalArgumentException(
          "rule '"
              + name
              + "': min-history must be between 0 and the baseline ("
              + human(baseline)
              + "), was "
              + human(minHistory));
    }
    if (cooldown.isNegative()) {
      throw new IllegalArgumentException("rule '" + name + "': cooldown must not be negative");
    }
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
    newsSites =
        newsSites == null
            ? Set.of()
            : newsSites.stream()
                .map(s -> s.strip().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** A rule with every setting at its default. */
  public static AlertRule of(
      String name, String project, DetectorKind detector, @Nullable String query) {
    return new AlertRule(
        name,
        project,
        detector,
        query,
        null,
        DEFAULT_SENSITIVITY,
        DEFAULT_MIN_VOLUME,
        DEFAULT_MIN_RATIO,
        defaultWindow(detector),
        DEFAULT_BASELINE,
        DEFAULT_MIN_HISTORY,
        DEFAULT_COOLDOWN,
        List.of(),
        Set.of());
  }

  /** The window of a detector's rules when the workspace names none. */
  private static Duration defaultWindow(DetectorKind detector) {
    return detector == DetectorKind.NEGATIVE_SHARE ? DEFAULT_SHARE_WINDOW : DEFAULT_WINDOW;
  }

  /**
   * The rules a project gets when its workspace says nothing about alerts: one of each detector
   * over every query, at the defaults, telling these recipients.
   */
  public static List<AlertRule> defaults(String project, List<String> recipients) {
    return List.of(
        AlertRule.of("volume", project, DetectorKind.VOLUME, null).withRecipients(recipients),
        AlertRule.of("negative-share", project, DetectorKind.NEGATIVE_SHARE, null)
            .withRecipients(recipients),
        AlertRule.of("new-voices", project, DetectorKind.NEW_VOICES, null)
            .withRecipients(recipients),
        AlertRule.of("spillover", project, DetectorKind.SPILLOVER, null)
            .withRecipients(recipients));
  }

  public AlertRule withRecipients(List<String> recipients) {
    return new AlertRule(
        name,
        project,
        detector,
        query,
        sentiment,
        sensitivity,
        minVolume,
        minRatio,
        window,
        baseline,
        minHistory,
        cooldown,
        recipients,
        newsSites);
  }

  public AlertRule withNewsSites(Set<String> newsSites) {
    return new AlertRule(
        name,
        project,
        detector,
        query,
        sentiment,
        sensitivity,
        minVolume,
        minRatio,
        window,
        baseline,
        minHistory,
        cooldown,
        recipients,
        newsSites);
  }

  /** Whether the rule watches this saved query ({@code project/name}). */
  public boolean watches(String queryId) {
    return queryId.startsWith(project + "/")
        && (query == null || queryId.substring(project.length() + 1).equals(query));
  }

  private static Duration positive(
      @Nullable Duration value, Duration fallback, String what, String rule) {
    if (value == null) {
      return fallback;
    }
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("rule '" + rule + "': " + what + " must be positive");
    }
    return value;
  }

  /** A duration the way the workspace file writes it: 90s, 15m, 6h, 28d. */
  public static String human(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds != 0 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds != 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds != 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
