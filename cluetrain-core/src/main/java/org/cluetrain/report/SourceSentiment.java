package org.cluetrain.report;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cluetrain.model.Label;
import org.cluetrain.model.Post;
import org.cluetrain.store.StoredPost;

/**
 * How the brand's mentions on one source feel: a forum that complains while the news is neutral
 * asks for a different answer than the other way round.
 *
 * @param mentions the source's posts in the period that matched one of the brand's queries
 * @param copies those of them that are near-copies of an earlier post (syndication, retweets):
 *     echo, not voices
 * @param unsure those of them whose label the classifier was unsure of (counted under their label
 *     too, as the sentiment chart and the mentions filter count them)
 */
public record SourceSentiment(
    String sourceId,
    String name,
    long mentions,
    long positive,
    long neutral,
    long negative,
    long copies,
    long unsure) {

  /**
   * Positive minus negative, as a share of the labelled mentions: from -1 (all negative) to +1 (all
   * positive), 0 when none has a label.
   */
  public double net() {
    long labelled = positive + neutral + negative;
    return labelled == 0 ? 0 : (double) (positive - negative) / labelled;
  }

  /** Counts the period's mentions per source and sentiment. */
  static final class Tally {
    private final Set<String> brand;
    private final Map<String, long[]> bySource = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();

    Tally(List<String> brandQueryIds) {
      this.brand = Set.copyOf(brandQueryIds);
    }

    void accept(StoredPost stored) {
      if (stored.matchedQueries().stream().noneMatch(brand::contains)) {
        return;
      }
      Post post = stored.post();
      String source = post.source().id();
      names.putIfAbsent(source, post.source().name());
      long[] counts = bySource.computeIfAbsent(source, s -> new long[6]);
      counts[0]++;
      if (post.duplicateOf() != null) {
        counts[4]++;
      }
      Label sentiment = post.labels().get("sentiment");
      if (sentiment == null) {
        return;
      }
      if (sentiment.unsure()) {
        counts[5]++;
      }
      int label = OverviewReport.SENTIMENTS.indexOf(sentiment.value());
      if (label >= 0) {
        counts[1 + label]++;
      }
    }

    /** The mentions that were near-copies of an earlier post, on every source. */
    long copies() {
      return bySource.values().stream().mapToLong(c -> c[4]).sum();
    }

    /** The sources with the most mentions, most first, at most {@code top}. */
    List<SourceSentiment> result(int top) {
      return bySource.entrySet().stream()
          .map(
              e -> {
                long[] c = e.getValue();
                return new SourceSentiment(
                    e.getKey(),
                    names.getOrDefault(e.getKey(), e.getKey()),
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    c[4],
                    c[5]);
              })
          .sorted(
              Comparator.comparingLong(SourceSentiment::mentions)
                  .reversed()
                  .thenComparing(SourceSentiment::sourceId))
          .limit(top)
          .toList();
    }
  }
}
