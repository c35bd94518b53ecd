package org.cluetrain.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.cluetrain.enrich.entities.EntityExtractor;
import org.cluetrain.language.NgramLanguageIdentifier;
import org.cluetrain.lucene.PostAnalyzer;
import org.cluetrain.lucene.stream.StreamQueryMatcher;
import org.cluetrain.match.QueryMatcher;
import org.cluetrain.model.Post;
import org.cluetrain.query.SavedQuery;

/**
 * The firehose's matcher comparison on its own: the plain Lucene monitor ({@link MonitorBaseline})
 * and Cluetrain's stream matcher register the same queries and match the same posts, batch by batch
 * in alternating order, and their (post, query) pairs are compared post by post. Timed: the
 * registration of each, the heap each keeps, and matching after warm-up.
 */
final class MatcherComparison {
  private final List<List<Post>> batches;
  private final int warmUp;
  private final Consumer<String> out;

  /** What one run measured. */
  record Run(
      double monitorPostsPerSecond,
      double streamPostsPerSecond,
      double monitorRegistrationSeconds,
      double streamRegistrationSeconds,
      long monitorHeapBytes,
      long streamHeapBytes,
      double matchesPerPost,
      int alwaysRun,
      boolean identical) {
    double ratio() {
      return streamPostsPerSecond / monitorPostsPerSecond;
    }
  }

  /**
   * Prepares the posts once: entities extracted and the language identified as the pipeline does,
   * so that hashtags, mentions and {@code lang:} filters see what they see in the pipeline.
   */
  MatcherComparison(PostReplay replay, long posts, int batch, Consumer<String> out) {
    EntityExtractor entities = new EntityExtractor();
    NgramLanguageIdentifier languages = NgramLanguageIdentifier.standard();
    int count = (int) (posts / batch);
    this.batches = new ArrayList<>(count);
    for (int b = 0; b < count; b++) {
      List<Post> posts1 = new ArrayList<>(batch);
      for (Post raw : replay.batch((long) b * batch, batch)) {
        Post post = entities.enrich(raw);
        posts1.add(post.toBuilder().lang(languages.identify(post.fullText())).build());
      }
      batches.add(posts1);
    }
    this.warmUp = Firehose.warmUpBatches(count);
    this.out = out;
  }

  Run run(List<SavedQuery> queries, int run) {
    PostAnalyzer analyzer = new PostAnalyzer();
    long before = Measurements.liveHeapBytes();
    long start = System.nanoTime();
    MonitorBaseline monitor = new MonitorBaseline(analyzer, queries);
    double monitorRegistration = (System.nanoTime() - start) / 1e9;
    long withMonitor = Measurements.liveHeapBytes();
    StreamQueryMatcher stream = new StreamQueryMatcher(analyzer);
    start = System.nanoTime();
    List<QueryMatcher.QueryProblem> problems = stream.replaceQueries(queries);
    double streamRegistration = (System.nanoTime() - start) / 1e9;
    long withBoth = Measurements.liveHeapBytes();
    boolean identical = problems.size() == monitor.problems().size();
    if (!identical) {
      out.accept(
          String.format(
              Locale.ROOT,
              "  queries not compiled: stream matcher %d, monitor %d",
              problems.size(),
              monitor.problems().size()));
    }
    MatchSetCheck check = new MatchSetCheck("plain monitor", "stream matcher");
    long monitorNanos = 0;
    long streamNanos = 0;
    long measured = 0;
    try (monitor;
        stream) {
      for (int b = 0; b < batches.size(); b++) {
        List<Post> posts = batches.get(b);
        List<List<String>> byMonitor;
        QueryMatcher.MatchBatch byStream;
        long monitorTime;
        long streamTime;
        if (b % 2 == 0) { // alternate the order, so that neither always runs on a warmer cache
          long t0 = System.nanoTime();
          byMonitor = monitor.match(posts);
          long t1 = System.nanoTime();
          byStream = stream.match(posts);
          long t2 = System.nanoTime();
          monitorTime = t1 - t0;
          streamTime = t2 - t1;
        } else {
          long t0 = System.nanoTime();
          byStream = stream.match(posts);
          long t1 = System.nanoTime();
          byMonitor = monitor.match(posts);
          long t2 = System.nanoTime();
          streamTime = t1 - t0;
          monitorTime = t2 - t1;
        }
        if (!byStream.problems().isEmpty()) {
          identical = false;
          out.accept("  stream matcher problems: " + byStream.problems());
        }
        if (b >= warmUp) {
          monitorNanos += monitorTime;
          streamNanos += streamTime;
          measured += posts.size();
        }
        for (int i = 0; i < posts.size(); i++) {
          check.compare(posts.get(i).id(), byMonitor.get(i), byStream.matches().get(i));
        }
      }
      Run result =
          new Run(
              measured * 1e9 / monitorNanos,
              measured * 1e9 / streamNanos,
              monitorRegistration,
              streamRegistration,
              withMonitor - before,
              withBoth - withMonitor,
              (double) check.pairs() / Math.max(1, check.posts()),
              stream.alwaysRunQueries().size(),
              identical && check.identical());
      out.accept(
          String.format(
              Locale.ROOT,
              "run %d: plain monitor %,.0f posts/s, stream matcher %,.0f posts/s (×%.1f);"
                  + " registration %.1f s vs %.2f s; heap kept %,d MB vs %,d MB;"
                  + " %.2f matches/post; %d queries run on every post",
              run,
              result.monitorPostsPerSecond(),
              result.streamPostsPerSecond(),
              result.ratio(),
              monitorRegistration,
              streamRegistration,
              result.monitorHeapBytes() >> 20,
              result.streamHeapBytes() >> 20,
              result.matchesPerPost(),
              result.alwaysRun()));
      out.accept("  correctness: " + check.summary());
      check.examples().forEach(example -> out.accept("    differs: " + example));
      return result;
    }
  }
}
