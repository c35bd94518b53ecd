package org.cluetrain.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cluetrain.enrich.duplicate.SimHash;
import org.cluetrain.enrich.entities.EntityExtractor;
import org.cluetrain.model.Post;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cheap enrichment stages over 1,000 real posts: SimHash fingerprints and entity extraction.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EnrichmentBenchmark {
  private List<Post> posts;
  private final EntityExtractor entities = new EntityExtractor();

  @Setup
  public void setUp() {
    posts = BenchData.posts(BenchData.BATCH);
  }

  /** Time per post. */
  @Benchmark
  @OperationsPerInvocation(BenchData.BATCH)
  public void simHash(Blackhole blackhole) {
    for (Post post : posts) {
      blackhole.consume(SimHash.fingerprint(post.fullText()));
    }
  }

  /** Time per post. */
  @Benchmark
  @OperationsPerInvocation(BenchData.BATCH)
  public void entities(Blackhole blackhole) {
    for (Post post : posts) {
      blackhole.consume(entities.enrich(post));
    }
  }
}
