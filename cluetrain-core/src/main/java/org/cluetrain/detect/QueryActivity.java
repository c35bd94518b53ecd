package org.cluetrain.detect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything the detectors know about one saved query: hourly counts for the baseline, minute
 * counts for the window, the recent posts for explanations, the authors and sources seen, and the
 * words usually used. Bounded: what is older than the longest baseline is dropped.
 */
public final class QueryActivity {
  /** What is counted per hour and per minute. */
  public enum Measure {
    POSTS,
    NEGATIVE,
    POSITIVE,
    NEUTRAL,
    NEW_AUTHOR,
    NICHE,
    NEWS;

    public static Measure ofSentiment(String sentiment) {
      return switch (sentiment) {
        case "negative" -> NEGATIVE;
        case "positive" -> POSITIVE;
        case "neutral" -> NEUTRAL;
        default -> POSTS;
      };
    }
  }

  private static final long MINUTE = 60_000L;
  private static final long HOUR = 3_600_000L;
  private static final int MAX_TRACES = 5_000;
  private static final int MAX_AUTHORS = 200_000;
  private static final int MAX_TERMS = 30_000;
  private static final int MEASURES = Measure.values().length;

  private final String queryId;
  private final long keepWindowMillis;
  private final long keepHistoryHours;
  private final Map<Long, long[]> hours = new HashMap<>();
  private final Map<Long, long[]> minutes = new HashMap<>();
  private final ArrayDeque<PostTrace> recent = new ArrayDeque<>();
  private final Map<String, Long> authorLastSeenHour = new HashMap<>();
  private final Map<String, Long> sourceFirstSeen = new HashMap<>();
  private final Map<String, Integer> termPosts = new HashMap<>();
  private long termDocuments;
  private long highWater = Long.MIN_VALUE;
  private final Map<Measure, SeasonalBaseline.Estimate> estimates = new HashMap<>();
  private final Map<Measure, long[]> sums = new HashMap<>();

  public QueryActivity(String queryId, long keepWindowMillis, long keepHistoryHours) {
    this.queryId = queryId;
    this.keepWindowMillis = keepWindowMillis;
    this.keepHistoryHours = keepHistoryHours;
  }

  /** Counts a post in. */
  /** The saved query watched. */
  public String queryId() {
    return queryId;
  }

  public void add(PostTrace post) {
    long hour = Math.floorDiv(post.published(), HOUR);
    long minute = Math.floorDiv(post.published(), MINUTE);
    boolean newAuthor = false;
    if (post.authorId() != null) {
      newAuthor = authorLastSeenHour.put(post.authorId(), hour) == null;
    }
    sourceFirstSeen.merge(post.sourceId(), post.published(), Math::min);
    if (highWater != Long.MIN_VALUE && hour < Math.floorDiv(highWater, HOUR) - 1) {
      // a late post changes an hour the cached baselines may have counted
      sums.clear();
      estimates.clear();
    }
    long[] h = hours.computeIfAbsent(hour, k -> new long[MEASURES]);
    long[] m = minutes.computeIfAbsent(minute, k -> new long[MEASURES]);
    for (Measure measure : measuresOf(post, newAuthor)) {
      h[measure.ordinal()]++;
      m[measure.ordinal()]++;
    }
    for (String term : post.terms()) {
      termPosts.merge(term, 1, Integer::sum);
    }
    termDocuments++;
    recent.addLast(newAuthor ? post.withNewAuthor() : post);
    if (post.published() > highWater) {
      highWater = post.published();
    }
  }

  private static List<Measure> measuresOf(PostTrace post, boolean newAuthor) {
    List<Measure> measures = new ArrayList<>(4);
    measures.add(Measure.POSTS);
    if (post.sentiment() != null) {
      Measure sentiment = Measure.ofSentiment(post.sentiment());
      if (sentiment != Measure.POSTS) {
        measures.add(sentiment);
      }
    }
    if (newAuthor) {
      measures.add(Measure.NEW_AUTHOR);
    }
    if (post.niche()) {
      measures.add(Measure.NICHE);
    }
    if (post.news()) {
      measures.add(Measure.NEWS);
    }
    return measures;
  }

  /** The time of the newest post seen. */
  public long highWater() {
    return highWater;
  }

  /** Posts of a measure in the window {@code (from, to]} (minute resolution). */
  public long inWindow(Measure measure, long from, long to) {
    long sum = 0;
    for (long minute = Math.floorDiv(from, MINUTE) + 1;
        minute <= Math.floorDiv(to, MINUTE);
        minute++) {
      long[] counts = minutes.get(minute);
      if (counts != null) {
        sum += counts[measure.ordinal()];
      }
    }
    return sum;
  }

  /** Posts of a measure in one epoch hour. */
  public long inHour(Measure measure, long epochHour) {
    long[] counts = hours.get(epochHour);
    return counts == null ? 0 : counts[measure.ordinal()];
  }

  /** Posts of a measure in the hours {@code [from, to)}; the last answer per measure is kept. */
  public long inHours(Measure measure, long fromHour, long toHour) {
    long[] cached = sums.get(measure);
    if (cached != null && cached[0] == fromHour && cached[1] == toHour) {
      return cached[2];
    }
    long sum = sumHours(measure, fromHour, toHour);
    sums.put(measure, new long[] {fromHour, toHour, sum});
    return sum;
  }

  private long sumHours(Measure measure, long fromHour, long toHour) {
    long sum = 0;
    for (long hour = fromHour; hour < toHour; hour++) {
      sum += inHour(measure, hour);
    }
    return sum;
  }

  /** The baseline of a measure over these hours; learned once per hour and measure. */
  public SeasonalBaseline.Estimate estimate(Measure measure, long startHour, long endHour) {
    SeasonalBaseline.Estimate cached = estimates.get(measure);
    if (cached != null && cached.startHour() == startHour && cached.endHour() == endHour) {
      return cached;
    }
    SeasonalBaseline.Estimate fresh =
        SeasonalBaseline.learn(hour -> inHour(measure, hour), startHour, endHour);
    estimates.put(measure, fresh);
    return fresh;
  }

  /** The recent posts published in {@code (from, to]}, oldest first. */
  public List<PostTrace> traces(long from, long to) {
    List<PostTrace> traces = new ArrayList<>();
    for (PostTrace trace : recent) {
      if (trace.published() > from && trace.published() <= to) {
        traces.add(trace);
      }
    }
    traces.sort(java.util.Comparator.comparingLong(PostTrace::published));
    return traces;
  }

  /** When a source first posted on this query, or {@code null}. */
  public @Nullable Long sourceFirstSeen(String sourceId) {
    return sourceFirstSeen.get(sourceId);
  }

  /** In how many of the posts seen so far a term occurs, and how many posts that is. */
  public int termPosts(String term) {
    return termPosts.getOrDefault(term, 0);
  }

  public long termDocuments() {
    return termDocuments;
  }

  /** Drops what no detector looks at any more. */
  public void prune() {
    if (highWater == Long.MIN_VALUE) {
      return;
    }
    long oldestMinute = Math.floorDiv(highWater - keepWindowMillis, MINUTE) - 5;
    minutes.keySet().removeIf(minute -> minute < oldestMinute);
    long oldestHour = Math.floorDiv(highWater, HOUR) - keepHistoryHours - 24;
    hours.keySet().removeIf(hour -> hour < oldestHour);
    long oldestTrace = highWater - keepWindowMillis - 5 * MINUTE;
    Iterator<PostTrace> it = recent.iterator();
    while (it.hasNext()) {
      PostTrace trace = it.next();
      if (trace.published() < oldestTrace || recent.size() > MAX_TRACES) {
        it.remove();
      }
    }
    if (authorLastSeenHour.size() > MAX_AUTHORS) {
      authorLastSeenHour.values().removeIf(hour -> hour < oldestHour);
    }
    sourceFirstSeen.values().removeIf(first -> Math.floorDiv(first, HOUR) < oldestHour - 24 * 365);
    if (termPosts.size() > MAX_TERMS) {
      // halve the background and drop the words that fall to nothing: older use counts less
      termPosts.replaceAll((term, n) -> n / 2);
      termPosts.values().removeIf(n -> n == 0);
      termDocuments /= 2;
    }
  }
}
