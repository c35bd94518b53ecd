package org.cluetrain.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.enrich.entities.EntityExtractor;
import org.cluetrain.lucene.PostAnalyzer;
import org.cluetrain.lucene.stream.StreamQueryMatcher;
import org.cluetrain.match.QueryMatcher;
import org.cluetrain.model.Post;
import org.cluetrain.pipeline.BatchOutcome;
import org.cluetrain.query.SavedQuery;

/**
 * The end-to-end benchmark: real posts replayed through the embedded runtime's pipeline (entities →
 * language → duplicate → match → store, searchable → ledger) in batches, with the two baselines run
 * in the same process over the same posts, and each stage timed on its own. See {@code
 * docs/benchmarks.md} for the command and the figures.
 *
 * <p>Exit status: 0 when done (or skipped because the shared data is missing), 1 when the
 * pipeline's matches differ from the plain Lucene monitor's, 2 for bad arguments.
 */
public final class Firehose {
  private final Options options;
  private final Corpus corpus;
  private final PostReplay replay;
  private boolean correct = true;

  private Firehose(Options options, Corpus corpus) {
    this.options = options;
    this.corpus = corpus;
    this.replay = new PostReplay(corpus);
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("firehose: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    Optional<Path> data =
        options.sharedData() != null
            ? Optional.of(options.sharedData())
            : Corpus.locateSharedData();
    Optional<Corpus> corpus = data.flatMap(Corpus::load);
    if (corpus.isEmpty()) {
      System.out.println("skipped: shared data not present");
      return;
    }
    Firehose firehose = new Firehose(options, corpus.get());
    firehose.run();
    if (!firehose.correct) {
      System.err.println("FAILED: the pipeline's matches differ from the plain Lucene monitor's");
      System.exit(1);
    }
  }

  private void run() throws IOException {
    printMachine();
    Vocabulary vocabulary = Vocabulary.of(corpus.texts().stream().map(Corpus.Text::text).toList());
    print(
        "corpus: %,d texts, %,d distinct words, %,d phrases; replayed to %,d posts in batches of %,d",
        corpus.size(),
        vocabulary.words().size(),
        vocabulary.phrases().size(),
        options.posts(),
        options.batch());
    List<Post> enriched = null;
    List<StageCosts.Cost> enrichmentCosts = null;
    if (options.mode().equals("matchers")) {
      compareMatchers(vocabulary);
      return;
    }
    for (String querySet : options.querySets()) {
      for (int queryCount : options.queryCounts()) {
        List<SavedQuery> queries = querySet(querySet, vocabulary, queryCount);
        print("");
        print("=== %,d queries, %s set (seed %d) ===", queryCount, querySet, options.seed());
        List<RunResult> runs = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
          RunResult result = runOnce(queries, run);
          runs.add(result);
        }
        summarise(queryCount, runs);

        if (options.stagePosts() > 0) {
          StageCosts stages =
              new StageCosts(
                  replay, (int) Math.min(options.stagePosts(), options.posts()), options.batch());
          if (enriched == null) {
            enriched = new ArrayList<>();
            enrichmentCosts = stages.enrichment(enriched);
          }
          Path work = Files.createTempDirectory(options.workDir(), "cluetrain-stages");
          try {
            List<StageCosts.Cost> costs = new ArrayList<>(enrichmentCosts);
            costs.addAll(stages.matchStoreRecord(enriched, queries, work));
            printStages(costs, median(runs, RunResult::sustainedPostsPerSecond));
          } finally {
            Measurements.delete(work);
          }
        }
      }
    }
  }

  /** What one end-to-end run measured. */
  record RunResult(
      double sustainedPostsPerSecond,
      long p50Nanos,
      long p99Nanos,
      long peakHeapBytes,
      long liveHeapBytes,
      long diskBytesPerPost,
      double monitorPostsPerSecond,
      double matcherPostsPerSecond,
      double tokenizePostsPerSecond,
      double matchesPerPost) {}

  private RunResult runOnce(List<SavedQuery> queries, int run) throws IOException {
    Path work = Files.createTempDirectory(options.workDir(), "cluetrain-firehose");
    Path dataDir = work.resolve("data");
    try {
      Workspace workspace =
          new Workspace(
              null,
              List.of(),
              List.of(
                  new Workspace.Project(
                      PostReplay.PROJECT, "firehose benchmark", List.of(), List.of(), queries)));
      System.gc();
      Measurements.resetPeakHeap();
      int batches = (int) (options.posts() / options.batch());
      long[] latencies = new long[batches];
      long[] handedIn = new long[batches];
      long[] done = new long[batches];
      long stored = 0;
      long failures = 0;
      long queryProblems = 0;
      long startup = System.nanoTime();
      long liveHeap;
      long peakHeap;
      try (EmbeddedRuntime runtime = EmbeddedRuntime.open(dataDir, workspace)) {
        startup = System.nanoTime() - startup;
        print(
            "run %d: runtime opened with %,d queries in %.1f s (%d not compiled)",
            run, queries.size(), startup / 1e9, runtime.queryProblems().size());
        runtime.queryProblems().stream().limit(5).forEach(p -> print("  query problem: %s", p));
        // as an import hands them in: the next batch is enriched and matched while the last is
        // written, one batch in flight; a batch's latency runs from handing it in until it is
        // searchable and recorded
        java.util.concurrent.CompletableFuture<BatchOutcome> writing = null;
        for (int b = 0; b <= batches; b++) {
          java.util.concurrent.CompletableFuture<BatchOutcome> next = null;
          if (b < batches) {
            List<Post> batch = replay.batch((long) b * options.batch(), options.batch());
            handedIn[b] = System.nanoTime();
            next = runtime.pipeline().submit(batch);
          }
          if (writing != null) {
            BatchOutcome outcome = writing.join();
            done[b - 1] = System.nanoTime();
            latencies[b - 1] = done[b - 1] - handedIn[b - 1];
            stored += outcome.stored();
            failures += outcome.failures().size();
            queryProblems += outcome.queryProblems().size();
            if (b == 1) {
              outcome.failures().stream().limit(3).forEach(f -> print("  failure: %s", f));
            }
          }
          writing = next;
        }
        peakHeap = Measurements.peakHeapBytes();
        liveHeap = Measurements.liveHeapBytes();
      }
      int warmUp = warmUpBatches(batches);
      long[] measured = java.util.Arrays.copyOfRange(latencies, warmUp, batches);
      // wall time from the end of the warm-up to the last batch written: batches overlap
      long measuredNanos = done[batches - 1] - done[warmUp - 1];
      double postsPerSecond = (double) measured.length * options.batch() * 1e9 / measuredNanos;
      long indexBytes = Measurements.sizeOf(dataDir.resolve("index"));
      long disk = Measurements.sizeOf(dataDir);
      print(
          "run %d: pipeline %,d posts stored, %d failed, %d query failures; sustained %,.0f posts/s"
              + " (batches %d..%d); batch latency p50 %.0f ms, p99 %.0f ms; peak heap %,d MB,"
              + " live heap %,d MB; disk %,d bytes/post (index %,d, ledger %,d)",
          run,
          stored,
          failures,
          queryProblems,
          postsPerSecond,
          warmUp + 1,
          batches,
          Measurements.percentile(measured, 50) / 1e6,
          Measurements.percentile(measured, 99) / 1e6,
          peakHeap >> 20,
          liveHeap >> 20,
          disk / Math.max(1, stored),
          indexBytes / Math.max(1, stored),
          (disk - indexBytes) / Math.max(1, stored));
      Baselines baselines = baselines(queries, dataDir.resolve("ledger.db"), batches, warmUp);
      print(
          "run %d: baselines over the same posts: plain Lucene monitor %,.0f posts/s; Cluetrain's"
              + " matcher alone %,.0f posts/s; tokenize only %,.0f posts/s",
          run,
          baselines.monitorPostsPerSecond,
          baselines.matcherPostsPerSecond,
          baselines.tokenizePostsPerSecond);
      return new RunResult(
          postsPerSecond,
          Measurements.percentile(measured, 50),
          Measurements.percentile(measured, 99),
          peakHeap,
          liveHeap,
          disk / Math.max(1, stored),
          baselines.monitorPostsPerSecond,
          baselines.matcherPostsPerSecond,
          baselines.tokenizePostsPerSecond,
          baselines.matchesPerPost);
    } finally {
      Measurements.delete(work);
    }
  }

  private record Baselines(
      double monitorPostsPerSecond,
      double matcherPostsPerSecond,
      double tokenizePostsPerSecond,
      double matchesPerPost) {}

  /**
   * Replays the same posts once more, with the language the pipeline recorded for each, through the
   * plain Lucene monitor, through Cluetrain's matcher alone and through the analyzer alone; checks
   * that the monitor's (post, query) pairs are exactly those the pipeline recorded in the ledger.
   */
  private Baselines baselines(List<SavedQuery> queries, Path ledgerFile, int batches, int warmUp) {
    LedgerContent ledger = readLedger(ledgerFile);
    PostAnalyzer analyzer = new PostAnalyzer();
    EntityExtractor entities = new EntityExtractor();
    MatchSetCheck recorded = new MatchSetCheck("pipeline (ledger)", "plain monitor");
    MatchSetCheck matcherCheck = new MatchSetCheck("Cluetrain matcher", "plain monitor");
    long monitorNanos = 0;
    long matcherNanos = 0;
    long tokenizeNanos = 0;
    long measuredPosts = 0;
    long unrecorded = 0;
    long tokens = 0;
    try (MonitorBaseline monitor = new MonitorBaseline(analyzer, queries);
        StreamQueryMatcher matcher = new StreamQueryMatcher(analyzer)) {
      List<QueryMatcher.QueryProblem> problems = matcher.replaceQueries(queries);
      if (problems.size() != monitor.problems().size()) {
        print(
            "  queries not compiled: matcher %d, baseline %d",
            problems.size(), monitor.problems().size());
        correct = false;
      }
      for (int b = 0; b < batches; b++) {
        List<Post> posts = new ArrayList<>(options.batch());
        for (Post raw : replay.batch((long) b * options.batch(), options.batch())) {
          String lang = ledger.langs.get(raw.id());
          if (lang == null) {
            unrecorded++; // failed in the pipeline: reported there
            continue;
          }
          posts.add(entities.enrich(raw).toBuilder().lang(lang).build());
        }
        long monitorStart;
        long matcherStart;
        List<List<String>> byMonitor;
        QueryMatcher.MatchBatch byMatcher;
        long tokenizeStart = System.nanoTime();
        for (Post post : posts) {
          tokens += tokenize(analyzer, post.fullText());
        }
        long tokenizeTime = System.nanoTime() - tokenizeStart;
        long monitorTime;
        long matcherTime;
        if (b % 2 == 0) { // alternate the order, so that neither always runs on a warmer cache
          monitorStart = System.nanoTime();
          byMonitor = monitor.match(posts);
          monitorTime = System.nanoTime() - monitorStart;
          matcherStart = System.nanoTime();
          byMatcher = matcher.match(posts);
          matcherTime = System.nanoTime() - matcherStart;
        } else {
          matcherStart = System.nanoTime();
          byMatcher = matcher.match(posts);
          matcherTime = System.nanoTime() - matcherStart;
          monitorStart = System.nanoTime();
          byMonitor = monitor.match(posts);
          monitorTime = System.nanoTime() - monitorStart;
        }
        if (b >= warmUp) {
          monitorNanos += monitorTime;
          matcherNanos += matcherTime;
          tokenizeNanos += tokenizeTime;
          measuredPosts += posts.size();
        }
        for (int i = 0; i < posts.size(); i++) {
          String id = posts.get(i).id();
          recorded.compare(id, ledger.matches.getOrDefault(id, List.of()), byMonitor.get(i));
          matcherCheck.compare(id, byMatcher.matches().get(i), byMonitor.get(i));
        }
      }
    }
    print("  correctness: %s", recorded.summary());
    print("  correctness: %s", matcherCheck.summary());
    for (MatchSetCheck check : List.of(recorded, matcherCheck)) {
      if (!check.identical()) {
        correct = false;
        check.examples().forEach(example -> print("    differs: %s", example));
      }
    }
    if (unrecorded > 0) {
      print(
          "  %,d posts were not recorded by the pipeline (failures) and not compared", unrecorded);
    }
    if (tokens == 0) {
      throw new IllegalStateException("the tokenizer produced no tokens");
    }
    return new Baselines(
        measuredPosts * 1e9 / monitorNanos,
        measuredPosts * 1e9 / matcherNanos,
        measuredPosts * 1e9 / tokenizeNanos,
        (double) recorded.pairs() / Math.max(1, recorded.posts()));
  }

  private List<SavedQuery> querySet(String name, Vocabulary vocabulary, int count) {
    return name.equals("brand")
        ? new BrandQuerySetGenerator(vocabulary, options.seed()).generate(count)
        : new QuerySetGenerator(vocabulary, options.seed()).generate(count);
  }

  /**
   * {@code --mode matchers}: the plain Lucene monitor and the stream matcher alone, without the
   * pipeline, over the same prepared posts; every query set and size, {@code --runs} times.
   */
  private void compareMatchers(Vocabulary vocabulary) {
    MatcherComparison comparison =
        new MatcherComparison(replay, options.posts(), options.batch(), Firehose::println);
    for (String querySet : options.querySets()) {
      for (int queryCount : options.queryCounts()) {
        List<SavedQuery> queries = querySet(querySet, vocabulary, queryCount);
        print("");
        print(
            "=== matchers alone: %,d queries, %s set (seed %d) ===",
            queryCount, querySet, options.seed());
        List<MatcherComparison.Run> runs = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
          runs.add(comparison.run(queries, run));
        }
        java.util.function.Function<
                java.util.function.ToDoubleFunction<MatcherComparison.Run>, Double>
            median = f -> Measurements.median(runs.stream().map(f::applyAsDouble).toList());
        boolean identical = runs.stream().allMatch(MatcherComparison.Run::identical);
        correct &= identical;
        print("");
        print(
            "summary, matchers alone, %,d queries (%s set), median of %d run(s):",
            queryCount, querySet, runs.size());
        print("| figure | plain Lucene monitor | stream matcher |");
        print("|---|---:|---:|");
        print(
            "| matching, posts/s | %,.0f | %,.0f |",
            median.apply(MatcherComparison.Run::monitorPostsPerSecond),
            median.apply(MatcherComparison.Run::streamPostsPerSecond));
        print(
            "| registration of the queries | %.2f s | %.2f s |",
            median.apply(MatcherComparison.Run::monitorRegistrationSeconds),
            median.apply(MatcherComparison.Run::streamRegistrationSeconds));
        print(
            "| heap kept (live, after GC) | %,.0f MB | %,.0f MB |",
            median.apply(r -> r.monitorHeapBytes() / 1048576.0),
            median.apply(r -> r.streamHeapBytes() / 1048576.0));
        print(
            "stream ÷ monitor, matching (median of the runs' ratios): %.2f; runs: %s",
            median.apply(MatcherComparison.Run::ratio),
            runs.stream().map(r -> String.format(Locale.ROOT, "%.2f", r.ratio())).toList());
        print(
            "matches per post: %.2f; queries that run on every post: %d; identical (post, query) pairs in every run: %s",
            median.apply(MatcherComparison.Run::matchesPerPost),
            runs.get(0).alwaysRun(),
            identical ? "yes" : "NO");
      }
    }
  }

  private static long tokenize(PostAnalyzer analyzer, String text) {
    long count = 0;
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        count += term.length() > 0 ? 1 : 0;
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count;
  }

  /** What the pipeline recorded: each post's language and matched queries. */
  private record LedgerContent(Map<String, String> langs, Map<String, List<String>> matches) {}

  private static LedgerContent readLedger(Path file) {
    Map<String, String> langs = new HashMap<>();
    Map<String, List<String>> matches = new HashMap<>();
    Map<String, String> queryIds = new HashMap<>(); // one String per query id, not per match
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      // the ids of the matched queries, each followed by a line break, the list led by one
      try (ResultSet rs = statement.executeQuery("SELECT id, lang, queries FROM posts")) {
        while (rs.next()) {
          langs.put(rs.getString(1), rs.getString(2));
          String queries = rs.getString(3);
          if (queries == null) {
            continue;
          }
          List<String> ids = matches.computeIfAbsent(rs.getString(1), id -> new ArrayList<>(4));
          for (String id : queries.split("\n")) {
            if (!id.isEmpty()) {
              ids.add(queryIds.computeIfAbsent(id, known -> known));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the ledger " + file + ": " + e.getMessage(), e);
    }
    return new LedgerContent(langs, matches);
  }

  /** The first 10% of batches (at least 5, at most half) warm the JIT and load Lingua's models. */
  static int warmUpBatches(int batches) {
    return Math.min(batches / 2, Math.max(5, batches / 10));
  }

  private void summarise(int queryCount, List<RunResult> runs) {
    double pipeline = median(runs, RunResult::sustainedPostsPerSecond);
    double monitor = median(runs, RunResult::monitorPostsPerSecond);
    double matcher = median(runs, RunResult::matcherPostsPerSecond);
    double tokenize = median(runs, RunResult::tokenizePostsPerSecond);
    print("");
    print("summary, %,d queries, median of %d run(s):", queryCount, runs.size());
    print("| figure | value |");
    print("|---|---|");
    print("| pipeline, sustained after warm-up | %,.0f posts/s |", pipeline);
    print(
        "| batch latency (ingest → searchable + recorded), p50 | %.0f ms |",
        median(runs, r -> r.p50Nanos() / 1e6));
    print("| batch latency, p99 | %.0f ms |", median(runs, r -> r.p99Nanos() / 1e6));
    print(
        "| peak heap (sum of pool peaks) | %,.0f MB |",
        median(runs, r -> r.peakHeapBytes() / 1048576.0));
    print(
        "| live heap after the run (after GC) | %,.0f MB |",
        median(runs, r -> r.liveHeapBytes() / 1048576.0));
    print("| queries matched per post (mean) | %.2f |", median(runs, RunResult::matchesPerPost));
    print(
        "| disk per post (index + ledger) | %,.0f bytes |",
        median(runs, r -> (double) r.diskBytesPerPost()));
    print("| baseline (a) plain Lucene monitor, matching only | %,.0f posts/s |", monitor);
    print("| Cluetrain's matcher alone, same posts | %,.0f posts/s |", matcher);
    print("| baseline (b) tokenize only | %,.0f posts/s |", tokenize);
    print("| pipeline ÷ plain monitor | %.3f |", pipeline / monitor);
    print("| Cluetrain matcher ÷ plain monitor | %.3f |", matcher / monitor);
    print("| pipeline ÷ tokenize only | %.4f |", pipeline / tokenize);
    print("| correctness (identical match sets, every run) | %s |", correct ? "yes" : "NO");
    if (runs.size() > 1) {
      print(
          "runs (posts/s): %s",
          runs.stream()
              .map(r -> String.format(Locale.ROOT, "%,.0f", r.sustainedPostsPerSecond()))
              .toList());
    }
  }

  private void printStages(List<StageCosts.Cost> costs, double pipelinePostsPerSecond) {
    print("");
    print("per-stage cost, one thread, %,d posts each (pipeline order):", costs.get(0).posts());
    print("| stage | µs/post | posts/s |");
    print("|---|---:|---:|");
    for (StageCosts.Cost cost : costs) {
      print("| %s | %.1f | %,.0f |", cost.stage(), cost.microsPerPost(), cost.postsPerSecond());
    }
    print(
        "| (whole pipeline, for comparison) | %.1f | %,.0f |",
        1e6 / pipelinePostsPerSecond, pipelinePostsPerSecond);
  }

  private static double median(
      List<RunResult> runs, java.util.function.ToDoubleFunction<RunResult> figure) {
    return Measurements.median(runs.stream().map(figure::applyAsDouble).toList());
  }

  private void printMachine() {
    Runtime runtime = Runtime.getRuntime();
    print(
        "machine: %d cores, max heap %,d MB, Java %s (%s), %s %s",
        runtime.availableProcessors(),
        runtime.maxMemory() >> 20,
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("os.name"),
        System.getProperty("os.arch"));
  }

  private static void println(String line) {
    System.out.println(line);
    System.out.flush();
  }

  private static void print(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
    System.out.flush();
  }

  /** The command line. */
  record Options(
      long posts,
      List<Integer> queryCounts,
      int runs,
      int batch,
      long stagePosts,
      long seed,
      Path sharedData,
      Path workDir,
      String mode,
      List<String> querySets) {

    static final String USAGE =
        "usage: Firehose [--posts 200000] [--queries 10000[,1000,...]] [--runs 1] [--batch 1000]"
            + " [--stage-posts 50000 (0: skip)] [--seed "
            + QuerySetGenerator.DEFAULT_SEED
            + "] [--data ../shared/data] [--work <temp dir>] [--mode pipeline|matchers]"
            + " [--query-set stress[,brand]]";

    Options {
      List<String> errors = new ArrayList<>();
      if (batch < 1) {
        errors.add("--batch must be at least 1, was " + batch);
      }
      if (posts < 10L * batch) {
        errors.add("--posts must be at least 10 batches (" + 10L * batch + "), was " + posts);
      }
      if (runs < 1) {
        errors.add("--runs must be at least 1, was " + runs);
      }
      if (queryCounts.isEmpty() || queryCounts.stream().anyMatch(n -> n < 1)) {
        errors.add("--queries must be positive counts, was " + queryCounts);
      }
      if (stagePosts < 0) {
        errors.add("--stage-posts must not be negative, was " + stagePosts);
      }
      if (!List.of("pipeline", "matchers").contains(mode)) {
        errors.add("--mode must be pipeline or matchers, was " + mode);
      }
      if (querySets.isEmpty() || !List.of("stress", "brand").containsAll(querySets)) {
        errors.add("--query-set must be stress, brand or both, was " + querySets);
      }
      if (!errors.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", errors));
      }
      queryCounts = List.copyOf(queryCounts);
      querySets = List.copyOf(querySets);
    }

    static Options parse(String[] args) {
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (!List.of(
                "--posts",
                "--queries",
                "--runs",
                "--batch",
                "--stage-posts",
                "--seed",
                "--data",
                "--work",
                "--mode",
                "--query-set")
            .contains(name)) {
          throw new IllegalArgumentException("unknown option '" + name + "'");
        }
        if (i + 1 == args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        values.put(name, args[++i]);
      }
      try {
        return new Options(
            Long.parseLong(values.getOrDefault("--posts", "200000").replace("_", "")),
            java.util.Arrays.stream(values.getOrDefault("--queries", "10000").split(","))
                .map(s -> Integer.parseInt(s.strip().replace("_", "")))
                .toList(),
            Integer.parseInt(values.getOrDefault("--runs", "1")),
            Integer.parseInt(values.getOrDefault("--batch", "1000")),
            Long.parseLong(values.getOrDefault("--stage-posts", "50000").replace("_", "")),
            Long.parseLong(
                values.getOrDefault("--seed", String.valueOf(QuerySetGenerator.DEFAULT_SEED))),
            values.containsKey("--data") ? Path.of(values.get("--data")) : null,
            Path.of(values.getOrDefault("--work", System.getProperty("java.io.tmpdir"))),
            values.getOrDefault("--mode", "pipeline"),
            java.util.Arrays.stream(values.getOrDefault("--query-set", "stress").split(","))
                .map(String::strip)
                .toList());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a number: " + e.getMessage());
      }
    }
  }
}
