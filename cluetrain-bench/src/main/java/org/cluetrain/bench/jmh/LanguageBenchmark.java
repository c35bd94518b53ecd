package org.cluetrain.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cluetrain.language.LinguaLanguageIdentifier;
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
import org.openjdk.jmh.infra.Blackhole;

/** Language identification of 1,000 real posts, per Lingua configuration. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LanguageBenchmark {
  @Param({"high-17", "low-17", "high-de-en", "low-de-en"})
  public String configuration;

  private LinguaLanguageIdentifier identifier;
  private List<String> texts;

  @Setup
  public void setUp() {
    boolean low = configuration.startsWith("low");
    List<String> languages =
        configuration.endsWith("de-en")
            ? List.of("de", "en")
            : LinguaLanguageIdentifier.DEFAULT_LANGUAGES;
    identifier = LinguaLanguageIdentifier.of(languages, low);
    texts = BenchData.posts(BenchData.BATCH).stream().map(Post::fullText).toList();
    texts.forEach(identifier::identify); // loads the models
  }

  /** Time per post: one invocation identifies 1,000 posts. */
  @Benchmark
  @OperationsPerInvocation(BenchData.BATCH)
  public void identify(Blackhole blackhole) {
    for (String text : texts) {
      blackhole.consume(identifier.identify(text));
    }
  }
}
