package org.cluetrain.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/**
 * The experiments behind the model cards' "what we tried" tables, by k-fold cross-validation over
 * the <em>non-held-out</em> rows only: each variant is trained k times on k-1 folds (of all the
 * recipe's files, with their weights) and scored on the remaining fold's rows of the target files;
 * the figure is the model's measure over the pooled predictions. The held-out slice is never read,
 * so choices made here do not leak into the figures the model cards report.
 *
 * <pre>
 * java -cp … org.cluetrain.classify.ClassifierExperiments LABELED_DIR NAME [--folds K] [VARIANT…]
 * </pre>
 */
public final class ClassifierExperiments {
  private ClassifierExperiments() {}

  static Map<String, UnaryOperator<Recipe>> variants(Recipe base) {
    Map<String, UnaryOperator<Recipe>> v = new LinkedHashMap<>();
    String lang = base.lang();
    v.put("shipped", r -> r);
    v.put(
        "words only (no char n-grams)",
        r -> r.withConfig(r.config().withFeatures(r.config().features().withCharNgrams(0, 0))));
    v.put(
        "unigrams + char 2-5",
        r -> r.withConfig(r.config().withFeatures(r.config().features().withWordNgrams(1))));
    v.put(
        "char 3-5",
        r -> r.withConfig(r.config().withFeatures(r.config().features().withCharNgrams(3, 5))));
    v.put(
        "no negation marking",
        r -> r.withConfig(r.config().withFeatures(r.config().features().withNegation(false))));
    v.put(
        "2^20 buckets",
        r -> r.withConfig(r.config().withFeatures(r.config().features().withHashBits(20))));
    v.put(
        "lexicon",
        r -> r.withConfig(r.config().withFeatures(r.config().features().withLexicon(lang))));
    v.put(
        "no lexicon",
        r -> r.withConfig(r.config().withFeatures(r.config().features().withLexicon(""))));
    v.put("cues", r -> r.withConfig(r.config().withFeatures(r.config().features().withCues(true))));
    v.put(
        "no cues",
        r -> r.withConfig(r.config().withFeatures(r.config().features().withCues(false))));
    v.put(
        "lexicon + cues",
        r ->
            r.withConfig(
                r.config().withFeatures(r.config().features().withLexicon(lang).withCues(true))));
    v.put(
        "char weight 0.5",
        r -> r.withConfig(r.config().withFeatures(r.config().features().withCharWeight(0.5))));
    v.put(
        "char weight 0.25",
        r -> r.withConfig(r.config().withFeatures(r.config().features().withCharWeight(0.25))));
    for (int max : new int[] {500, 1000, 2000}) {
      v.put(
          "max chars " + max,
          r -> r.withConfig(r.config().withFeatures(r.config().features().withMaxChars(max))));
    }
    v.put("class weighting 0", r -> r.withConfig(r.config().withClassWeighting(0)));
    v.put("class weighting 0.5", r -> r.withConfig(r.config().withClassWeighting(0.5)));
    v.put("class weighting 1", r -> r.withConfig(r.config().withClassWeighting(1)));
    v.put("epochs 2", r -> r.withConfig(r.config().withEpochs(2)));
    v.put("epochs 4", r -> r.withConfig(r.config().withEpochs(4)));
    v.put("epochs 8", r -> r.withConfig(r.config().withEpochs(8)));
    v.put("epochs 15", r -> r.withConfig(r.config().withEpochs(15)));
    for (int runs : new int[] {1, 3, 5, 8}) {
      v.put("runs " + runs, r -> r.withConfig(r.config().withRuns(runs)));
    }
    for (long seed : new long[] {7, 8, 9, 10}) {
      v.put("seed " + seed, r -> r.withConfig(r.config().withSeed(seed)));
    }
    v.put("l2 1e-5", r -> r.withConfig(r.config().withL2(1e-5)));
    v.put("learning rate 0.1", r -> r.withConfig(r.config().withLearningRate(0.1)));
    v.put("learning rate 0.4", r -> r.withConfig(r.config().withLearningRate(0.4)));
    for (double t : new double[] {0.3, 0.4, 0.6}) {
      v.put("threshold " + t, r -> r.withThreshold(t));
    }
    v.put("target data only", r -> r.withSources(only(r, true)));
    for (double w : new double[] {0.1, 0.3}) {
      v.put("non-target files weight " + w, r -> r.withSources(otherWeight(r, w)));
    }
    String stream = "../streams/youtube-comments-2008-2013";
    for (double c : new double[] {0.8, 0.9, 0.97}) {
      for (double w : new double[] {0.1, 0.3, 1}) {
        v.put(
            "self-train youtube stream " + c + " weight " + w,
            r -> r.withSelfTraining(new Recipe.SelfTraining(stream, c, w, null, null)));
      }
    }
    for (double w : new double[] {0.02, 0.05, 0.1}) {
      v.put(
          "youtube stream as ham weight " + w,
          r -> r.withSelfTraining(new Recipe.SelfTraining(stream, 0, w, "ham", null)));
    }
    for (double w : new double[] {1, 2, 3, 5, 8}) {
      v.put("target weight " + w, r -> r.withSources(targetWeight(r, w)));
    }
    return v;
  }

  private static List<Recipe.Source> only(Recipe r, boolean target) {
    List<Recipe.Source> s = new ArrayList<>();
    for (Recipe.Source x : r.sources()) {
      if (x.target() == target) {
        s.add(x);
      }
    }
    return s;
  }

  private static List<Recipe.Source> otherWeight(Recipe r, double w) {
    List<Recipe.Source> s = new ArrayList<>();
    for (Recipe.Source x : r.sources()) {
      s.add(new Recipe.Source(x.file(), x.target() ? x.weight() : w, x.target()));
    }
    return s;
  }

  private static List<Recipe.Source> targetWeight(Recipe r, double w) {
    List<Recipe.Source> s = new ArrayList<>();
    for (Recipe.Source x : r.sources()) {
      s.add(new Recipe.Source(x.file(), x.target() ? w : x.weight(), x.target()));
    }
    return s;
  }

  /**
   * One line per variant: the pooled cross-validated figure, the mean and standard deviation of the
   * per-fold figures, and the pooled figure with label offsets tuned on the other folds
   * (cross-fitted).
   */
  static String crossValidate(
      Recipe recipe, CrossValidation.Folds folds, Map<String, List<LabeledExample>> rows) {
    CrossValidation.OutOfFold oof = CrossValidation.run(recipe, rows, folds);
    double[] none = new double[recipe.task().labels().size()];
    double[] perFold = oof.perFold(recipe, none);
    double mean = java.util.Arrays.stream(perFold).average().orElse(Double.NaN);
    double var = 0;
    for (double f : perFold) {
      var += (f - mean) * (f - mean);
    }
    double sd = Math.sqrt(var / Math.max(1, perFold.length - 1));
    return String.format(
        Locale.ROOT,
        "%s %.4f  folds %.4f ± %.4f  tuned offsets %.4f  per fold %s",
        recipe.measure(),
        oof.figure(recipe, none),
        mean,
        sd,
        oof.crossFittedFigure(recipe),
        java.util.Arrays.stream(perFold)
            .mapToObj(f -> String.format(Locale.ROOT, "%.3f", f))
            .collect(java.util.stream.Collectors.joining(" ")));
  }

  public static void main(String[] args) throws Exception {
    Path labeled = Path.of(args[0]);
    Recipe base = Recipe.named(args[1]);
    List<String> rest = new ArrayList<>(List.of(args).subList(2, args.length));
    CrossValidation.Folds folds = CrossValidation.Folds.hashed(5);
    int at = rest.indexOf("--folds");
    if (at >= 0) {
      folds = CrossValidation.Folds.hashed(Integer.parseInt(rest.get(at + 1)));
      rest.remove(at + 1);
      rest.remove(at);
    }
    if (rest.remove("--by-file")) {
      folds = CrossValidation.Folds.leaveOneFileOut();
    }
    List<String> wanted = rest;
    Map<String, UnaryOperator<Recipe>> all = variants(base);
    // "A & B" applies variant A, then B, to the recipe
    for (String w : wanted) {
      if (w.contains(" & ")) {
        UnaryOperator<Recipe> op = r -> r;
        for (String part : w.split(" & ")) {
          UnaryOperator<Recipe> p = variants(base).get(part);
          if (p == null) {
            throw new IllegalArgumentException("no variant " + part);
          }
          UnaryOperator<Recipe> before = op;
          op = r -> p.apply(before.apply(r));
        }
        all.put(w, op);
      }
    }
    CrossValidation.Folds k = folds;
    Map<String, List<LabeledExample>> cache = new HashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Map<String, Future<String>> results = new LinkedHashMap<>();
    for (Map.Entry<String, UnaryOperator<Recipe>> e : all.entrySet()) {
      if (!wanted.isEmpty() && wanted.stream().noneMatch(w -> e.getKey().equals(w))) {
        continue;
      }
      results.put(
          e.getKey(),
          pool.submit(
              () -> {
                long t0 = System.nanoTime();
                Recipe recipe = e.getValue().apply(base).withUnlabeledFrom(labeled);
                Map<String, List<LabeledExample>> rows = new HashMap<>();
                synchronized (cache) {
                  for (Recipe.Source s : recipe.sources()) {
                    rows.put(
                        s.file(),
                        cache.computeIfAbsent(
                            s.file(),
                            file ->
                                CrossValidation.trainableRows(
                                        labeled, recipe.withSources(List.of(s)))
                                    .get(file)));
                  }
                }
                String line = crossValidate(recipe, k, rows);
                return String.format(
                    Locale.ROOT,
                    "%-40s %s CV %s  (%.1f s)",
                    e.getKey(),
                    k,
                    line,
                    (System.nanoTime() - t0) / 1e9);
              }));
    }
    for (Future<String> f : results.values()) {
      System.out.println(f.get());
    }
    pool.shutdown();
  }
}
