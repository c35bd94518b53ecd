package org.cluetrain.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cluetrain.enrich.language.LanguageEnricher;
import org.cluetrain.language.LinguaLanguageIdentifier;
import org.cluetrain.lucene.MonitorQueryMatcher;
import org.cluetrain.model.Post;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Matching a batch of 1,000 real posts (with their languages) against the generated saved queries
 * in Cluetrain's monitor-based matcher.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MatchingBenchmark {
  @Param({"1000", "10000"})
  public int queries;

  private MonitorQueryMatcher matcher;
  private List<Post> posts;

  @Setup
  public void setUp() {
    LanguageEnricher language =
        new LanguageEnricher(
            LinguaLanguageIdentifier.of(LinguaLanguageIdentifier.DEFAULT_LANGUAGES, true));
    posts = BenchData.posts(BenchData.BATCH).stream().map(language::enrich).toList();
    matcher = new MonitorQueryMatcher();
    List<?> problems = matcher.replaceQueries(BenchData.queries(queries));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("queries did not compile: " + problems);
    }
  }

  @TearDown
  public void tearDown() {
    matcher.close();
  }

  /** Time per post: one invocation matches a batch of 1,000. */
  @Benchmark
  @OperationsPerInvocation(BenchData.BATCH)
  public Object match() {
    return matcher.match(posts);
  }
}
