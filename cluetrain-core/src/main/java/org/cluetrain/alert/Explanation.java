package org.cluetrain.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why an alert was raised: what was seen against what was expected, over which window and which
 * history, how surprising that is, and the words, sources and posts behind it.
 *
 * @param summary one sentence a person reads first
 * @param observed what was counted in the window (posts, negative posts, new authors, news posts)
 * @param expected what the baseline expected in the same window
 * @param measure what {@code observed} and {@code expected} count, e.g. {@code posts} or {@code
 *     negative share}
 * @param windowStart the window's start (exclusive)
 * @param windowEnd the window's end: the newest post the detector had seen
 * @param baselineStart the first hour of the history the expectation was learned from
 * @param baselineEnd the end of that history (exclusive); the window is never part of it
 * @param baseline how the expectation was formed, in words (level, seasonality, dispersion)
 * @param test the statistical test, e.g. {@code negative binomial (dispersion 0.05)}
 * @param probability the probability of seeing at least {@code observed} if nothing unusual were
 *     going on
 * @param score {@code -log10(probability)}: 5 means one chance in 100,000
 * @param topTerms the words that are much more frequent in the window than before
 * @param topSources where the window's posts come from, most first
 * @param examples a few posts that show what the spike is about
 * @param leadTime for spill-over: how long niche sources were ahead of the first news post; else
 *     {@code null}
 */
public record Explanation(
    String summary,
    double observed,
    double expected,
    String measure,
    Instant windowStart,
    Instant windowEnd,
    Instant baselineStart,
    Instant baselineEnd,
    String baseline,
    String test,
    double probability,
    double score,
    List<TermCount> topTerms,
    List<SourceCount> topSources,
    List<ExamplePost> examples,
    @Nullable Duration leadTime) {

  public Explanation {
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(windowEnd, "window end");
    topTerms = topTerms == null ? List.of() : List.copyOf(topTerms);
    topSources = topSources == null ? List.of() : List.copyOf(topSources);
    examples = examples == null ? List.of() : List.copyOf(examples);
  }

  /**
   * A word behind the alert.
   *
   * @param term the word (lower case; hashtags keep their {@code #})
   * @param posts how many posts of the window contain it
   * @param lift how many times more often it occurs in the window than in the history
   */
  public record TermCount(String term, int posts, double lift) {}

  /** A source behind the alert and how many of the window's posts came from it. */
  public record SourceCount(String source, int posts) {}

  /** A post that shows what the alert is about. */
  public record ExamplePost(
      String id, Instant published, String source, @Nullable String author, String excerpt) {}
}
