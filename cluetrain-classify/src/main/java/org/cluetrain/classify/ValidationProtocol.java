package org.cluetrain.classify;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validation protocol {@value #UNSEEN}: figures that predict how a shipped model does on data
 * it has never seen, because every split keeps a whole kind of data away from training.
 *
 * <ul>
 *   <li><b>random slice</b> (the in-sample figure of earlier model cards): trained on the rows of
 *       all the recipe's files outside the fixed held-out slice ({@link HeldOut}), scored on the
 *       held-out rows of its target files;
 *   <li><b>leave one dataset out</b>, for every file of the recipe: trained on the other files,
 *       scored on all rows of the left-out one;
 *   <li><b>by source</b>, when the target files hold more than one kind of source (tweets,
 *       Facebook, other web pages such as news and forums; YouTube vs blog comments): trained
 *       without any row of that source, scored on the target rows of it;
 *   <li><b>by time</b>, when at least {@value #MIN_DATED} target rows carry a date (tweet ids,
 *       dated URLs): scored on the latest fifth of them, trained without any row dated on or after
 *       the first of those (rows without a date are trained on).
 * </ul>
 *
 * Training rows are always outside the held-out slice, with the recipe's file weights and
 * configuration; label offsets tuned by cross-validation ({@link Recipe#tuning()}) are not applied.
 * Each split also reports the calibration of the probabilities (see {@link Calibration}), raw and
 * with the recipe's temperature; the temperature with the lowest mean calibration error over the
 * splits scored on the target files is printed at the end, which is how the recipes' temperatures
 * were chosen.
 */
public final class ValidationProtocol {
  private ValidationProtocol() {}

  /** The protocol's name, as given to {@code cluetrain eval --protocol}. */
  public static final String UNSEEN = "unseen";

  static final int MIN_DATED = 200;

  /** One row of a recipe's files, with what the splits group it by. */
  record Row(
      LabeledExample example,
      Recipe.Source file,
      String source,
      long time, // epoch milliseconds, or -1
      boolean heldOut) {}

  /** One split: which rows are scored and which are kept away from training. */
  record Split(
      String kind, String name, boolean target, Predicate<Row> test, Predicate<Row> leftOut) {}

  /** One split's outcome. */
  public record Result(
      String kind,
      String name,
      boolean target,
      int trainRows,
      List<String> gold,
      double[][] probabilities,
      Evaluation evaluation,
      double figure,
      double majority) {}

  /** The outcome of the protocol for one model. */
  public record Report(
      String model, String measure, List<String> labels, double temperature, List<Result> results) {

    /**
     * The temperature (0.5..5 in steps of 0.05) that minimises the mean expected calibration error
     * over the {@link #calibrationSplits()}, each split counting once: in-domain rows (the random
     * slice) and each kind of unseen data weigh the same, so neither the easy slice nor the largest
     * left-out file decides alone.
     */
    public double fittedTemperature() {
      List<Result> splits = calibrationSplits();
      return Calibration.bestTemperature(
          t -> {
            double sum = 0;
            for (Result r : splits) {
              sum += Calibration.ece(labels, r.gold(), Calibration.scaled(r.probabilities(), t));
            }
            return sum;
          });
    }

    /** The splits a temperature is fitted on: every split scored on the target files' rows. */
    public List<Result> calibrationSplits() {
      return results.stream().filter(Result::target).toList();
    }

    public String toText() {
      double fitted = fittedTemperature();
      StringBuilder b = new StringBuilder();
      b.append(
          String.format(
              Locale.ROOT,
              "== %s  protocol %s, measure %s; ECE raw, at the recipe's temperature %.2f and at"
                  + " the fitted %.2f%n",
              model,
              UNSEEN,
              measure,
              temperature,
              fitted));
      b.append(
          String.format(
              Locale.ROOT,
              "  %-9s %-44s %6s %6s %8s %8s %7s %7s %7s%n",
              "split",
              "scored rows",
              "train",
              "n",
              measure,
              "majority",
              "ECE",
              "ECE(T)",
              "ECE(fit)"));
      for (Result r : results) {
        b.append(
            String.format(
                Locale.ROOT,
                "  %-9s %-44s %6d %6d %8.4f %8.4f %7.4f %7.4f %7.4f%n",
                r.kind(),
                r.name(),
                r.trainRows(),
                r.gold().size(),
                r.figure(),
                r.majority(),
                Calibration.ece(labels, r.gold(), r.probabilities()),
                Calibration.ece(
                    labels, r.gold(), Calibration.scaled(r.probabilities(), temperature)),
                Calibration.ece(labels, r.gold(), Calibration.scaled(r.probabilities(), fitted))));
      }
      b.append(
          String.format(
              Locale.ROOT,
              "  temperature fitted (mean ECE) on %s: %.2f%n",
              calibrationSplits().stream().map(r -> r.kind() + " " + r.name()).toList(),
              fitted));
      for (Result r : results) {
        if (r.kind().equals("dataset") || r.kind().equals("slice")) {
          b.append("  reliability at temperature ")
              .append(String.format(Locale.ROOT, "%.2f", temperature))
              .append(", ")
              .append(r.kind())
              .append(' ')
              .append(r.name())
              .append(":\n")
              .append(
                  Calibration.toText(
                      Calibration.reliability(
                          labels, r.gold(), Calibration.scaled(r.probabilities(), temperature))));
        }
      }
      return b.toString();
    }
  }

  /** The names of the shipped models the protocol can run on. */
  public static List<String> models() {
    return Recipe.SHIPPED.stream().map(Recipe::name).toList();
  }

  /**
   * Runs the protocol on the shipped model {@code model} (e.g. {@code sentiment-de}).
   *
   * @param labeled the shared {@code labeled} folder
   * @param runs how many shuffled runs each split's model averages (the shipped models use {@link
   *     Recipe#RUNS}; 1 is five times faster and within about 0.005)
   * @param threads how many splits train at once
   * @param progress told the name of each split as it finishes
   */
  public static Report run(
      String model, Path labeled, int runs, int threads, Consumer<String> progress) {
    return run(Recipe.named(model), labeled, runs, threads, progress);
  }

  static Report run(Recipe given, Path labeled, int runs, int threads, Consumer<String> progress) {
    Recipe recipe = given.withUnlabeledFrom(labeled).withConfig(given.config().withRuns(runs));
    List<Row> rows = rows(labeled, recipe);
    List<Split> splits = splits(recipe, rows);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<Result>> futures = new ArrayList<>();
      for (Split s : splits) {
        futures.add(
            pool.submit(
                () -> {
                  Result r = run(recipe, rows, s);
                  progress.accept(s.kind() + " " + s.name());
                  return r;
                }));
      }
      List<Result> results = new ArrayList<>();
      for (Future<Result> f : futures) {
        Result r = f.get();
        if (r != null) {
          results.add(r);
        }
      }
      return new Report(
          recipe.name(), recipe.measure(), recipe.task().labels(), given.temperature(), results);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  static List<Row> rows(Path labeled, Recipe recipe) {
    List<Row> rows = new ArrayList<>();
    for (Recipe.Source s : recipe.sources()) {
      for (LabeledExample e :
          LabeledData.read(recipe.task(), labeled.resolve(s.file())).examples()) {
        rows.add(new Row(e, s, source(s.file(), e.id()), time(e.id()), HeldOut.isHeldOut(e)));
      }
    }
    return rows;
  }

  static List<Split> splits(Recipe recipe, List<Row> rows) {
    List<Split> splits = new ArrayList<>();
    splits.add(
        new Split(
            "slice",
            "held-out rows of the target files",
            true,
            r -> r.file().target() && r.heldOut(),
            r -> false));
    for (Recipe.Source s : recipe.sources()) {
      splits.add(
          new Split(
              "dataset",
              dataset(s.file()),
              s.target(),
              r -> r.file().equals(s),
              r -> r.file().equals(s)));
    }
    Set<String> sources = new LinkedHashSet<>();
    rows.stream().filter(r -> r.file().target()).forEach(r -> sources.add(r.source()));
    if (sources.size() > 1) {
      for (String source : sources) {
        splits.add(
            new Split(
                "source",
                source,
                true,
                r -> r.file().target() && r.source().equals(source),
                r -> r.source().equals(source)));
      }
    }
    long[] dated =
        rows.stream()
            .filter(r -> r.file().target() && r.time() >= 0)
            .mapToLong(Row::time)
            .sorted()
            .toArray();
    if (dated.length >= MIN_DATED) {
      long cut = dated[(int) (dated.length * 0.8)];
      String from = Instant.ofEpochMilli(cut).atOffset(ZoneOffset.UTC).toLocalDate().toString();
      String to =
          Instant.ofEpochMilli(dated[dated.length - 1])
              .atOffset(ZoneOffset.UTC)
              .toLocalDate()
              .toString();
      splits.add(
          new Split(
              "time",
              from + " to " + to + " (latest fifth)",
              true,
              r -> r.file().target() && r.time() >= cut,
              r -> r.time() >= cut));
    }
    return splits;
  }

  /** Trains without the split's left-out rows and scores its test rows; null if either is empty. */
  static Result run(Recipe recipe, List<Row> rows, Split split) {
    List<LabeledExample> train = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    List<LabeledExample> test = new ArrayList<>();
    Set<String> trainLabels = new LinkedHashSet<>();
    for (Row r : rows) {
      if (split.test().test(r)) {
        test.add(r.example());
      }
      if (!r.heldOut() && r.file().weight() > 0 && !split.leftOut().test(r)) {
        train.add(r.example());
        weights.add(r.file().weight());
        trainLabels.add(r.example().label());
      }
    }
    if (test.isEmpty() || trainLabels.size() < 2) {
      return null;
    }
    TextClassifier model =
        recipe.train(train, weights.stream().mapToDouble(Double::doubleValue).toArray(), Map.of());
    List<String> labels = recipe.task().labels();
    List<String> gold = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    double[][] probabilities = new double[test.size()][];
    for (int i = 0; i < test.size(); i++) {
      LabeledExample e = test.get(i);
      // the model's labels are the task's, in the same order
      double[] p = model.probabilitiesOf(e.text());
      probabilities[i] = p;
      gold.add(e.label());
      predicted.add(labels.get(TextClassifier.argmax(p)));
    }
    Evaluation evaluation = Evaluation.of(gold, predicted, labels);
    return new Result(
        split.kind(),
        split.name(),
        split.target(),
        train.size(),
        gold,
        probabilities,
        evaluation,
        recipe.figure(evaluation),
        TrainShippedModels.majorityFigure(recipe, evaluation));
  }

  /** {@code sentiment/de/sb10k.all.tsv} → {@code sb10k.all}. */
  static String dataset(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    return name.endsWith(".tsv") ? name.substring(0, name.length() - 4) : name;
  }

  private static final Pattern URL_HOST = Pattern.compile("^https?://(?:www\\.)?([^/]+)");

  /**
   * The kind of source a row comes from: by the host of an id that is a URL (GermEval 2017), else
   * by what the whole file is.
   */
  static String source(String file, String id) {
    Matcher m = URL_HOST.matcher(id);
    if (m.find()) {
      String host = m.group(1);
      if (host.endsWith("twitter.com")) {
        return "tweets";
      }
      if (host.endsWith("facebook.com")) {
        return "facebook";
      }
      return "web (news, forums, other sites)";
    }
    String name = dataset(file);
    if (name.startsWith("youtube-")) {
      return "youtube comments";
    }
    if (name.startsWith("datacamp-")) {
      return "blog comments";
    }
    if (name.startsWith("one-million-posts")) {
      return "news-site comments";
    }
    if (name.startsWith("sms")) {
      return "sms";
    }
    return "tweets";
  }

  private static final Pattern STATUS = Pattern.compile("/status(?:es)?/(\\d{15,20})");
  private static final Pattern DATED_URL = Pattern.compile("/(20\\d\\d)/([01]\\d)/([0-3]\\d)/");
  private static final long TWITTER_EPOCH = 1288834974657L;

  /**
   * When the row was written, in epoch milliseconds, if its id says: tweet ids after November 2010
   * carry their time (as do twitter.com status URLs), news URLs often carry their date; else -1.
   */
  static long time(String id) {
    String tweet = null;
    if (id.matches("\\d{15,20}")) {
      tweet = id;
    } else {
      Matcher m = STATUS.matcher(id);
      if (m.find()) {
        tweet = m.group(1);
      }
    }
    if (tweet != null) {
      try {
        return (Long.parseLong(tweet) >> 22) + TWITTER_EPOCH;
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    Matcher d = DATED_URL.matcher(id);
    if (d.find()) {
      try {
        return java.time.LocalDate.of(
                Integer.parseInt(d.group(1)),
                Integer.parseInt(d.group(2)),
                Integer.parseInt(d.group(3)))
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant()
            .toEpochMilli();
      } catch (java.time.DateTimeException e) {
        return -1;
      }
    }
    return -1;
  }
}
