package org.cluetrain.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/**
 * The experiments behind the model cards' "what we tried" tables: each variant is trained on the
 * non-held-out rows and scored on the held-out target rows by the model's measure.
 *
 * <pre>
 * java -cp … org.cluetrain.classify.ClassifierExperiments LABELED_DIR NAME [VARIANT…]
 * </pre>
 */
public final class ClassifierExperiments {
  private ClassifierExperiments() {}

  static Map<String, UnaryOperator<Recipe>> variants(Recipe base) {
    Map<String, UnaryOperator<Recipe>> v = new LinkedHashMap<>();
    TrainingConfig c = base.config();
    FeatureConfig f = c.features();
    v.put("shipped", r -> r);
    v.put(
        "words only (no char n-grams)", r -> r.withConfig(c.withFeatures(f.withCharNgrams(0, 0))));
    v.put("unigrams + char 2-5", r -> r.withConfig(c.withFeatures(f.withWordNgrams(1))));
    v.put("char 3-5", r -> r.withConfig(c.withFeatures(f.withCharNgrams(3, 5))));
    v.put("char 1-6", r -> r.withConfig(c.withFeatures(f.withCharNgrams(1, 6))));
    v.put("no negation marking", r -> r.withConfig(c.withFeatures(f.withNegation(false))));
    v.put("2^16 buckets", r -> r.withConfig(c.withFeatures(f.withHashBits(16))));
    v.put("2^20 buckets", r -> r.withConfig(c.withFeatures(f.withHashBits(20))));
    v.put("class weighting 0", r -> r.withConfig(c.withClassWeighting(0)));
    v.put("class weighting 0.5", r -> r.withConfig(c.withClassWeighting(0.5)));
    v.put("class weighting 1", r -> r.withConfig(c.withClassWeighting(1)));
    v.put("epochs 3", r -> r.withConfig(c.withEpochs(3)));
    v.put("epochs 15", r -> r.withConfig(c.withEpochs(15)));
    v.put("l2 1e-5", r -> r.withConfig(c.withL2(1e-5)));
    v.put("l2 1e-4", r -> r.withConfig(c.withL2(1e-4)));
    v.put("l2 0", r -> r.withConfig(c.withL2(0)));
    v.put("learning rate 0.05", r -> r.withConfig(c.withLearningRate(0.05)));
    v.put("learning rate 0.5", r -> r.withConfig(c.withLearningRate(0.5)));
    v.put("target data only", r -> r.withSources(only(r, true)));
    for (double w : new double[] {1, 2, 3, 5, 10}) {
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
      s.add(new Recipe.Source(x.file(), x.target() ? w : 1, x.target()));
    }
    return s;
  }

  public static void main(String[] args) throws Exception {
    Path labeled = Path.of(args[0]);
    Recipe base = Recipe.named(args[1]);
    List<String> wanted = List.of(args).subList(2, args.length);
    Map<String, UnaryOperator<Recipe>> all = variants(base);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Map<String, Future<String>> results = new LinkedHashMap<>();
    for (Map.Entry<String, UnaryOperator<Recipe>> e : all.entrySet()) {
      if (!wanted.isEmpty() && wanted.stream().noneMatch(w -> e.getKey().startsWith(w))) {
        continue;
      }
      results.put(
          e.getKey(),
          pool.submit(
              () -> {
                TrainShippedModels.Trained t =
                    TrainShippedModels.train(labeled, e.getValue().apply(base));
                StringBuilder per = new StringBuilder();
                t.byFile()
                    .forEach(
                        (file, ev) ->
                            per.append(
                                String.format(
                                    Locale.ROOT,
                                    " %s=%.4f",
                                    file.substring(file.lastIndexOf('/') + 1, file.indexOf('.')),
                                    base.figure(ev))));
                return String.format(
                    Locale.ROOT,
                    "%-32s %s %.4f  (%.1f s)%s",
                    e.getKey(),
                    base.measure(),
                    base.figure(t.target()),
                    t.millis() / 1000.0,
                    per);
              }));
    }
    for (Future<String> f : results.values()) {
      System.out.println(f.get());
    }
    pool.shutdown();
  }
}
