package org.cluetrain.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.cluetrain.classify.ClassifierEnricher;
import org.cluetrain.enrich.Enricher;
import org.cluetrain.enrich.duplicate.DuplicateDetector;
import org.cluetrain.enrich.entities.EntityExtractor;
import org.cluetrain.enrich.language.LanguageEnricher;
import org.cluetrain.jdbc.JdbcStorage;
import org.cluetrain.language.LinguaLanguageIdentifier;
import org.cluetrain.language.NgramLanguageIdentifier;
import org.cluetrain.lucene.LucenePostStore;
import org.cluetrain.lucene.MonitorQueryMatcher;
import org.cluetrain.match.QueryMatcher;
import org.cluetrain.model.Post;
import org.cluetrain.query.SavedQuery;
import org.cluetrain.store.StoredPost;

/**
 * Times each pipeline stage on its own over the same posts, one thread, in the pipeline's order
 * (each stage gets the previous stage's output) and in batches like the pipeline's. the language
 * identifiers are timed in several configurations, because it is the stage a deployment can tune.
 */
final class StageCosts {
  /** Posts run through a stateless stage before its clock starts (JIT, Lingua's models). */
  static final int WARM_UP_POSTS = 2_000;

  /** The duplicate detector's memory, as the embedded runtime configures it. */
  static final int DUPLICATE_MEMORY = 500_000;

  /** One stage's cost. */
  record Cost(String stage, long posts, long nanos) {
    double microsPerPost() {
      return nanos / 1_000.0 / posts;
    }

    double postsPerSecond() {
      return posts * 1e9 / nanos;
    }
  }

  private final PostReplay replay;
  private final int postCount;
  private final int batchSize;

  StageCosts(PostReplay replay, int postCount, int batchSize) {
    this.replay = replay;
    this.postCount = postCount;
    this.batchSize = batchSize;
  }

  /** The enrichment stages; returns their costs and leaves the enriched posts in {@code out}. */
  List<Cost> enrichment(List<Post> out) {
    List<Post> raw = replay.batch(0, postCount);
    List<Cost> costs = new ArrayList<>();
    EntityExtractor entities = new EntityExtractor();
    List<Post> withEntities = new ArrayList<>(raw.size());
    costs.add(timeStateless("entities", raw, entities, withEntities));

    Map<String, Enricher> languages = new LinkedHashMap<>();
    languages.put(
        "language: n-gram identifier, 17 languages (the default)",
        new LanguageEnricher(NgramLanguageIdentifier.standard()));
    languages.put(
        "language: Lingua high accuracy, 17 languages",
        new LanguageEnricher(LinguaLanguageIdentifier.standard()));
    languages.put(
        "language: Lingua low accuracy, 17 languages",
        new LanguageEnricher(
            LinguaLanguageIdentifier.of(LinguaLanguageIdentifier.DEFAULT_LANGUAGES, true)));
    languages.put(
        "language: Lingua high accuracy, de + en only",
        new LanguageEnricher(LinguaLanguageIdentifier.of(List.of("de", "en"), false)));
    languages.put(
        "language: Lingua low accuracy, de + en only",
        new LanguageEnricher(LinguaLanguageIdentifier.of(List.of("de", "en"), true)));
    List<Post> withLanguage = null;
    for (Map.Entry<String, Enricher> language : languages.entrySet()) {
      List<Post> result = new ArrayList<>(raw.size());
      costs.add(timeStateless(language.getKey(), withEntities, language.getValue(), result));
      if (withLanguage == null) {
        withLanguage = result; // the default configuration feeds the later stages
      }
    }

    List<Post> classified = new ArrayList<>(raw.size());
    costs.add(
        timeStateless(
            "classify: sentiment, spam, offensive (shipped models)",
            withLanguage,
            ClassifierEnricher.shipped(),
            classified));
    withLanguage = classified;

    DuplicateDetector duplicates = new DuplicateDetector(DUPLICATE_MEMORY);
    long start = System.nanoTime();
    for (Post post : withLanguage) {
      out.add(duplicates.enrich(post));
    }
    costs.add(
        new Cost(
            "duplicate (SimHash + band index)", withLanguage.size(), System.nanoTime() - start));
    return costs;
  }

  /** Matching, storing and recording the enriched posts. */
  List<Cost> matchStoreRecord(List<Post> enriched, List<SavedQuery> queries, Path workDir) {
    List<Cost> costs = new ArrayList<>();
    List<List<Post>> batches = new ArrayList<>();
    for (int from = 0; from < enriched.size(); from += batchSize) {
      batches.add(enriched.subList(from, Math.min(enriched.size(), from + batchSize)));
    }
    List<List<StoredPost>> stored = new ArrayList<>();
    try (MonitorQueryMatcher matcher = new MonitorQueryMatcher()) {
      matcher.replaceQueries(queries);
      matcher.match(batches.get(0)); // warm-up
      long nanos = 0;
      for (List<Post> batch : batches) {
        long start = System.nanoTime();
        QueryMatcher.MatchBatch matches = matcher.match(batch);
        nanos += System.nanoTime() - start;
        List<StoredPost> storedBatch = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
          storedBatch.add(new StoredPost(batch.get(i), matches.matches().get(i)));
        }
        stored.add(storedBatch);
      }
      costs.add(new Cost("match (" + queries.size() + " queries)", enriched.size(), nanos));
    }
    try (LucenePostStore store = new LucenePostStore(workDir.resolve("index"))) {
      long start = System.nanoTime();
      stored.forEach(store::store);
      costs.add(
          new Cost(
              "store (index, commit, refresh per batch)",
              enriched.size(),
              System.nanoTime() - start));
    }
    try (JdbcStorage relational = JdbcStorage.openSqlite(workDir.resolve("ledger.db"))) {
      long start = System.nanoTime();
      stored.forEach(relational.postLedger()::record);
      costs.add(
          new Cost(
              "ledger (SQLite, one transaction per batch)",
              enriched.size(),
              System.nanoTime() - start));
    }
    return costs;
  }

  private Cost timeStateless(
      String name, List<Post> in, UnaryOperator<Post> stage, List<Post> out) {
    for (int i = 0; i < Math.min(WARM_UP_POSTS, in.size()); i++) {
      var unused = stage.apply(in.get(i)); // warming up: only the time taken later counts
    }
    long start = System.nanoTime();
    for (Post post : in) {
      out.add(stage.apply(post));
    }
    return new Cost(name, in.size(), System.nanoTime() - start);
  }

  private Cost timeStateless(String name, List<Post> in, Enricher stage, List<Post> out) {
    return timeStateless(name, in, (UnaryOperator<Post>) stage::enrich, out);
  }
}
