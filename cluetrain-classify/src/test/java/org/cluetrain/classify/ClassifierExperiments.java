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
    v.put("class weighting 0", r -> r.withConfig(r.config().withClassWeighting(0)));
    v.put("class weighting 0.5", r -> r.withConfig(r.config().withClassWeighting(0.5)));
    v.put("class weighting 1", r -> r.withConfig(r.config().withClassWeighting(1)));
    v.put("epochs 2", r -> r.withConfig(r.config().withEpochs(2)));
    v.put("epochs 4", r -> r.withConfig(r.config().withEpochs(4)));
    v.put("epochs 8", r -> r.withConfig(r.config().withEpochs(8)));
    v.put("epochs 15", r -> r.withConfig(r.config().withEpochs(15)));
    v.put("l2 1e-5", r -> r.withConfig(r.config().withL2(1e-5)));
    v.put("learning rate 0.1", r -> r.withConfig(r.config().withLearningRate(0.1)));
    v.put("learning rate 0.4", r -> r.withConfig(r.config().withLearningRate(0.4)));
    for (double t : new double[] {0.3, 0.4, 0.6}) {
      v.put("threshold " + t, r -> r.withThreshold(t));
    }
    v.put("target data only", r -> r.withSources(only(r, true)));
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

  private static List<Recipe.Source> targetWeight(Recipe r, double w) {
    List<Recipe.Source> s = new ArrayList<>();
    for (Recipe.Source x : r.sources()) {
      s.add(new Recipe.Source(x.file(), x.target() ? w : x.weight(), x.target()));
    }
    return s;
  }

  /** The fold of a row: its id hashed differently from {@link HeldOut}. */
  static int fold(LabeledExample e, int folds) {
    int h = e.id().hashCode() * 0x85ebca6b + 0x7f4a7c15;
    h ^= h >>> 16;
    h *= 0xc2b2ae35;
    h ^= h >>> 13;
    return Math.floorMod(h, folds);
  }

  /** The pooled cross-validated figure of {@code recipe} over the non-held-out rows. */
  static double crossValidate(
      Path labeled, Recipe recipe, int folds, Map<String, List<LabeledExample>> cache) {
    List<String> gold = new ArrayList<>();
    List<String> pred = new ArrayList<>();
    for (int k = 0; k < folds; k++) {
      List<LabeledExample> train = new ArrayList<>();
      List<Double> weights = new ArrayList<>();
      List<LabeledExample> test = new ArrayList<>();
      for (Recipe.Source s : recipe.sources()) {
        List<LabeledExample> rows;
        synchronized (cache) {
          rows =
              cache.computeIfAbsent(
                  s.file(),
                  file ->
                      LabeledData.read(recipe.task(), labeled.resolve(file)).examples().stream()
                          .filter(e -> !HeldOut.isHeldOut(e))
                          .toList());
        }
        for (LabeledExample e : rows) {
          if (fold(e, folds) != k) {
            if (s.weight() > 0) {
              train.add(e);
              weights.add(s.weight());
            }
          } else if (s.target()) {
            test.add(e);
          }
        }
      }
      TextClassifier model =
          recipe.train(
              train, weights.stream().mapToDouble(Double::doubleValue).toArray(), Map.of());
      for (LabeledExample e : test) {
        gold.add(e.label());
        pred.add(model.predict(e.text()));
      }
    }
    return recipe.figure(Evaluation.of(gold, pred, recipe.task().labels()));
  }

  public static void main(String[] args) throws Exception {
    Path labeled = Path.of(args[0]);
    Recipe base = Recipe.named(args[1]);
    List<String> rest = new ArrayList<>(List.of(args).subList(2, args.length));
    int folds = 5;
    int at = rest.indexOf("--folds");
    if (at >= 0) {
      folds = Integer.parseInt(rest.get(at + 1));
      rest.remove(at + 1);
      rest.remove(at);
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
    int k = folds;
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
                double figure = crossValidate(labeled, e.getValue().apply(base), k, cache);
                return String.format(
                    Locale.ROOT,
                    "%-32s %d-fold CV %s %.4f  (%.1f s)",
                    e.getKey(),
                    k,
                    base.measure(),
                    figure,
                    (System.nanoTime() - t0) / 1e9);
              }));
    }
    for (Future<String> f : results.values()) {
      System.out.println(f.get());
    }
    pool.shutdown();
  }
}
