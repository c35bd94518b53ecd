package org.cluetrain.bench.jmh;

import java.util.List;
import org.cluetrain.bench.Corpus;
import org.cluetrain.bench.PostReplay;
import org.cluetrain.bench.QuerySetGenerator;
import org.cluetrain.bench.Vocabulary;
import org.cluetrain.model.Post;
import org.cluetrain.query.SavedQuery;

/** The corpus, posts and queries the JMH benchmarks share, read once per forked JVM. */
final class BenchData {
  /** Posts per benchmark batch, as the pipeline's batches. */
  static final int BATCH = 1_000;

  private static Corpus corpus;
  private static Vocabulary vocabulary;

  private BenchData() {}

  static synchronized Corpus corpus() {
    if (corpus == null) {
      corpus =
          Corpus.locateSharedData()
              .flatMap(Corpus::load)
              .orElseThrow(() -> new IllegalStateException("skipped: shared data not present"));
    }
    return corpus;
  }

  /** The first {@code count} replayed posts, before enrichment. */
  static List<Post> posts(int count) {
    return new PostReplay(corpus()).batch(0, count);
  }

  static synchronized List<SavedQuery> queries(int count) {
    if (vocabulary == null) {
      vocabulary = Vocabulary.of(corpus().texts().stream().map(Corpus.Text::text).toList());
    }
    return new QuerySetGenerator(vocabulary, QuerySetGenerator.DEFAULT_SEED).generate(count);
  }
}
