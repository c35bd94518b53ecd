package org.cluetrain.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cluetrain.alert.AlertRule;
import org.cluetrain.alert.AlertStore;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.alert.AlertDispatcher;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.detect.DetectorKind;
import org.cluetrain.model.Author;
import org.cluetrain.model.Post;
import org.cluetrain.query.SavedQuery;

/**
 * Alert latency under firehose load: real posts replayed through the embedded runtime with the live
 * detectors on (the four default detectors over every saved query), with bursts of a marker word
 * injected at known batches. Reports how long after its batch was handed in each burst's alert was
 * stored, and the throughput with and without the detectors, in the same process.
 *
 * <pre>
 * java -Xmx4g -cp cluetrain-bench/target/cluetrain-bench.jar org.cluetrain.bench.AlertLatency \
 *     [--posts 200000] [--queries 1000] [--batch 1000] [--bursts 8] [--runs 3]
 * </pre>
 */
public final class AlertLatency {
  private static final String MARKER = "zorbalux";
  private static final int BURST_POSTS = 40;

  private final Corpus corpus;
  private final int posts;
  private final int queryCount;
  private final int batch;
  private final int bursts;
  private final int runs;

  private AlertLatency(Corpus corpus, int posts, int queryCount, int batch, int bursts, int runs) {
    this.corpus = corpus;
    this.posts = posts;
    this.queryCount = queryCount;
    this.batch = batch;
    this.bursts = bursts;
    this.runs = runs;
  }

  public static void main(String[] args) throws IOException {
    int posts = 200_000;
    int queries = 1_000;
    int batch = 1_000;
    int bursts = 8;
    int runs = 3;
    for (int i = 0; i + 1 < args.length; i += 2) {
      int value = Integer.parseInt(args[i + 1]);
      switch (args[i]) {
        case "--posts" -> posts = value;
        case "--queries" -> queries = value;
        case "--batch" -> batch = value;
        case "--bursts" -> bursts = value;
        case "--runs" -> runs = value;
        default -> {
          System.err.println("alert latency: unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    Optional<Corpus> corpus = Corpus.locateSharedData().flatMap(Corpus::load);
    if (corpus.isEmpty()) {
      System.out.println("skipped: shared data not present");
      return;
    }
    new AlertLatency(corpus.get(), posts, queries, batch, bursts, runs).run();
  }

  private void run() throws IOException {
    Vocabulary vocabulary = Vocabulary.of(corpus.texts().stream().map(Corpus.Text::text).toList());
    List<SavedQuery> queries =
        new ArrayList<>(
            new QuerySetGenerator(vocabulary, QuerySetGenerator.DEFAULT_SEED).generate(queryCount));
    // one marker word per burst: each burst is a first event for its query, not a repeat within
    // the cooldown of the one before
    for (int b = 0; b < bursts; b++) {
      queries.add(SavedQuery.of(PostReplay.PROJECT, "marker" + b, MARKER + b));
    }
    System.out.printf(
        Locale.ROOT,
        "machine: %d cores, java %s, max heap %,d MB%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf(
        Locale.ROOT,
        "%,d posts in batches of %,d, %,d queries + %d marker queries, %d bursts of %d posts%n",
        posts,
        batch,
        queryCount,
        bursts,
        bursts,
        BURST_POSTS);
    // alternate the two, so that warm-up and a noisy neighbour fall on both alike; medians
    List<Result> withoutRuns = new ArrayList<>();
    List<Result> withRuns = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      withoutRuns.add(runOnce(queries, false));
      withRuns.add(runOnce(queries, true));
      System.out.printf(
          Locale.ROOT,
          "run %d: %,.0f posts/s without detectors, %,.0f with%n",
          run + 1,
          withoutRuns.get(run).postsPerSecond,
          withRuns.get(run).postsPerSecond);
    }
    Result without = median(withoutRuns);
    Result with = median(withRuns);
    List<Long> allLatencies = new ArrayList<>();
    withRuns.forEach(r -> allLatencies.addAll(r.alertLatencies));
    System.out.printf(
        Locale.ROOT,
        "without detectors: %,.0f posts/s, batch p50 %.0f ms, p99 %.0f ms%n",
        without.postsPerSecond,
        without.p50 / 1e6,
        without.p99 / 1e6);
    System.out.printf(
        Locale.ROOT,
        "with detectors:    %,.0f posts/s, batch p50 %.0f ms, p99 %.0f ms (%.2f× the throughput"
            + " without)%n",
        with.postsPerSecond,
        with.p50 / 1e6,
        with.p99 / 1e6,
        with.postsPerSecond / without.postsPerSecond);
    System.out.printf(
        Locale.ROOT,
        "bursts alerted: %d of %d (all runs); alert latency (batch handed in → alert stored):"
            + " median %.0f ms, max %.0f ms; alerts on the generated queries: %d%n",
        allLatencies.size(),
        withRuns.stream().mapToInt(Result::burstBatches).sum(),
        Measurements.median(allLatencies.stream().map(n -> n / 1e6).toList()),
        allLatencies.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6,
        withRuns.stream().mapToLong(Result::otherAlerts).sum());
  }

  /** The run with the median throughput. */
  private static Result median(List<Result> runs) {
    List<Result> sorted = new ArrayList<>(runs);
    sorted.sort(java.util.Comparator.comparingDouble(Result::postsPerSecond));
    return sorted.get(sorted.size() / 2);
  }

  private record Result(
      double postsPerSecond,
      long p50,
      long p99,
      List<Long> alertLatencies,
      int burstBatches,
      long otherAlerts) {}

  private Result runOnce(List<SavedQuery> queries, boolean detectors) throws IOException {
    Path work = Files.createTempDirectory("cluetrain-alert-latency");
    // short windows and history, so that the detectors are armed within the run's event time
    // (posts are 100 ms apart: 1,000 posts are 100 s)
    List<AlertRule> rules = new ArrayList<>();
    for (DetectorKind kind : DetectorKind.values()) {
      rules.add(
          new AlertRule(
              kind.label(),
              PostReplay.PROJECT,
              kind,
              null,
              null,
              null,
              AlertRule.DEFAULT_MIN_VOLUME,
              AlertRule.DEFAULT_MIN_RATIO,
              Duration.ofMinutes(5),
              Duration.ofDays(1),
              Duration.ofHours(1),
              Duration.ofHours(6),
              List.of(),
              Set.of()));
    }
    Workspace workspace =
        new Workspace(
            null,
            List.of(),
            List.of(
                new Workspace.Project(
                    PostReplay.PROJECT,
                    "alert latency benchmark",
                    List.of(),
                    List.of(),
                    queries,
                    new Workspace.Alerts(rules, List.of()),
                    null)));
    PostReplay replay = new PostReplay(corpus);
    int batches = posts / batch;
    long[] latencies = new long[batches];
    List<Long> alertLatencies = new ArrayList<>();
    int burstBatches = 0;
    long otherAlerts = 0;
    long started;
    long elapsed;
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(work.resolve("data"), workspace)) {
      // live as if now were the replay's time: the lateness guard then lets every alert through
      Clock clock = Clock.fixed(PostReplay.START.plus(Duration.ofDays(1)), ZoneOffset.UTC);
      if (detectors) {
        runtime
            .alerts()
            .startLive(runtime.pipeline(), clock, AlertDispatcher.Settings.DEFAULT, n -> null);
      }
      // bursts once the rules have their hour of history before the 5-minute window (posts are
      // 100 ms apart), evenly spread after that
      int armed = (int) Math.ceil(3_900_000.0 / (batch * 100.0)) + 2;
      int firstBurst = Math.max((int) (batches * 0.4), armed);
      if (firstBurst >= batches) {
        throw new IllegalArgumentException(
            "--posts must cover more than the detectors' hour of history: at least "
                + (armed + 1) * batch);
      }
      int spacing = Math.max(1, (batches - firstBurst) / Math.max(1, bursts));
      started = System.nanoTime();
      for (int b = 0; b < batches; b++) {
        List<Post> posts = new ArrayList<>(replay.batch((long) b * batch, batch));
        boolean burst = b >= firstBurst && (b - firstBurst) % spacing == 0 && burstBatches < bursts;
        if (burst) {
          String marker = MARKER + burstBatches;
          burstBatches++;
          for (int i = 0; i < BURST_POSTS; i++) {
            Post original = posts.get(posts.size() - 1 - i);
            posts.set(
                posts.size() - 1 - i,
                original.toBuilder()
                    .text(original.text() + " " + marker)
                    .author(new Author("burst:" + b + ":" + i, "burst " + i, null, null))
                    .build());
          }
        }
        long start = System.nanoTime();
        runtime.pipeline().process(posts);
        latencies[b] = System.nanoTime() - start;
        if (detectors) {
          List<AlertStore.StoredAlert> raised =
              runtime.alerts().store().list(PostReplay.PROJECT, true, 500);
          for (AlertStore.StoredAlert alert : raised) {
            if (alert.alert().queryId().startsWith(PostReplay.PROJECT + "/marker")
                && alert.alert().detector() == DetectorKind.VOLUME) {
              alertLatencies.add(latencies[b]);
            } else {
              otherAlerts++;
            }
            runtime.alerts().acknowledge(alert.alert().id(), "bench");
          }
        }
      }
      elapsed = System.nanoTime() - started;
    } finally {
      Measurements.delete(work);
    }
    int warm = Math.max(5, batches / 10);
    long[] counted = java.util.Arrays.copyOfRange(latencies, warm, batches);
    return new Result(
        (double) (batches - warm) * batch / (java.util.Arrays.stream(counted).sum() / 1e9),
        Measurements.percentile(counted, 50),
        Measurements.percentile(counted, 99),
        alertLatencies,
        burstBatches,
        otherAlerts);
  }
}
