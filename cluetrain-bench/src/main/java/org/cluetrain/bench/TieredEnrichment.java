package org.cluetrain.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.stream.Stream;
import org.cluetrain.classify.ClassifierEnricher;
import org.cluetrain.embed.SentenceEncoder;
import org.cluetrain.enrich.Enricher;
import org.cluetrain.enrich.entities.EntityExtractor;
import org.cluetrain.enrich.language.LanguageEnricher;
import org.cluetrain.jdbc.JdbcStorage;
import org.cluetrain.language.NgramLanguageIdentifier;
import org.cluetrain.lucene.LucenePostStore;
import org.cluetrain.lucene.stream.StreamQueryMatcher;
import org.cluetrain.model.Post;
import org.cluetrain.pipeline.BatchOutcome;
import org.cluetrain.pipeline.ListeningPipeline;
import org.cluetrain.query.SavedQuery;

/**
 * Pipeline throughput with an expensive enricher (the sentence encoder, one thread) on every post
 * against the same enricher only on the posts that matched a query, and without it. The posts are
 * the firehose's replay, the queries its brand-monitoring set; each configuration runs a fresh
 * pipeline (entities → language → shipped classifiers → match → Lucene store → SQLite ledger) over
 * the same posts, the first batch not timed.
 *
 * <pre>
 * java -cp cluetrain-bench/target/cluetrain-bench.jar org.cluetrain.bench.TieredEnrichment [POSTS [QUERIES [DATA_DIR [MODE…]]]]
 * </pre>
 *
 * <p>MODE is {@code cheap}, {@code matched} or {@code every}, in the order given (default all
 * three, then {@code matched} and {@code cheap} again, so that neither pays the warm-up alone). The
 * expensive enricher embeds English posts with all-MiniLM-L6-v2 and adds nothing to the post: it
 * stands for the cost of an encoder-based classifier, whose linear layer costs next to nothing.
 */
public final class TieredEnrichment {
  private TieredEnrichment() {}

  static final int BATCH = 500;

  public static void main(String[] args) throws IOException {
    int posts = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int queryCount = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    Optional<Path> data =
        args.length > 2 ? Optional.of(Path.of(args[2])) : Corpus.locateSharedData();
    Optional<Corpus> corpus = data.flatMap(Corpus::load);
    if (corpus.isEmpty()) {
      System.out.println("skipped: shared data not present");
      return;
    }
    PostReplay replay = new PostReplay(corpus.get());
    Vocabulary vocabulary =
        Vocabulary.of(corpus.get().texts().stream().map(Corpus.Text::text).toList());
    List<SavedQuery> queries =
        new BrandQuerySetGenerator(vocabulary, 20261123L).generate(queryCount);
    List<Post> all = replay.batch(0, posts + BATCH);
    SentenceEncoder encoder = SentenceEncoder.load(1);
    DoubleAdder sink = new DoubleAdder();
    Enricher expensive =
        new Enricher() {
          @Override
          public String name() {
            return "sentence-encoder";
          }

          @Override
          public Post enrich(Post post) {
            if ("en".equals(post.lang())) {
              sink.add(encoder.embed(post.fullText())[0]);
            }
            return post;
          }
        };
    System.out.printf(
        Locale.ROOT,
        "%,d posts (after %,d warm-up), batches of %,d, %,d brand queries%n",
        posts,
        BATCH,
        BATCH,
        queryCount);
    List<String> modes =
        args.length > 3
            ? List.of(args).subList(3, args.length)
            : List.of("cheap", "matched", "every", "matched", "cheap");
    for (String mode : modes) {
      run(mode, all, queries, expensive);
    }
    System.out.println("(checksum " + sink.sum() + ")");
  }

  private static void run(String mode, List<Post> all, List<SavedQuery> queries, Enricher expensive)
      throws IOException {
    List<Enricher> cheap =
        new ArrayList<>(
            List.of(
                new EntityExtractor(),
                new LanguageEnricher(NgramLanguageIdentifier.standard()),
                ClassifierEnricher.shipped()));
    List<Enricher> matched = List.of();
    switch (mode) {
      case "cheap" -> {}
      case "every" -> cheap.add(expensive);
      case "matched" -> matched = List.of(expensive);
      default ->
          throw new IllegalArgumentException(
              "mode was " + mode + ", expected cheap, matched or every");
    }
    Path dir = Files.createTempDirectory("tiered");
    try (LucenePostStore store = new LucenePostStore(dir.resolve("index"));
        JdbcStorage relational = JdbcStorage.openSqlite(dir.resolve("ledger.db"));
        StreamQueryMatcher matcher = new StreamQueryMatcher();
        ListeningPipeline pipeline =
            new ListeningPipeline(
                cheap, matched, matcher, store, relational.postLedger(), List.of())) {
      matcher.replaceQueries(queries);
      pipeline.process(all.subList(0, BATCH)); // warm-up
      long stored = 0;
      long start = System.nanoTime();
      for (int from = BATCH; from < all.size(); from += BATCH) {
        BatchOutcome outcome =
            pipeline.process(all.subList(from, Math.min(all.size(), from + BATCH)));
        stored += outcome.stored();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long matchedPosts = countMatched(store, all);
      System.out.printf(
          Locale.ROOT,
          "%-26s %,7.0f posts/s  (%,d stored, %,d of them matched a query)%n",
          switch (mode) {
            case "every" -> "encoder on every post";
            case "matched" -> "encoder on matched posts";
            default -> "cheap only";
          },
          stored / seconds,
          stored,
          matchedPosts);
    } finally {
      delete(dir);
    }
  }

  private static long countMatched(LucenePostStore store, List<Post> all) {
    long n = 0;
    for (int i = BATCH; i < all.size(); i++) {
      if (store.get(all.get(i).id()).map(p -> !p.matchedQueries().isEmpty()).orElse(false)) {
        n++;
      }
    }
    return n;
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
