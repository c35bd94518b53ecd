package org.cluetrain.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Speed harness for the model cards (one thread, so posts/s per core): load time of each shipped
 * model, then {@code predict} and {@code classify} (with reasons) over the texts of its data files,
 * after a warm-up; and training time of a relevance model on the GermEval 2017 rows.
 *
 * <pre>
 * java -cp … [-Dspeed.files=NAME=FILE+FILE,…] org.cluetrain.classify.ClassifierSpeed LABELED_DIR [MODEL…]
 * </pre>
 *
 * <p>Each figure is the median of {@value #RUNS} runs of about a second, so that a noisy neighbour
 * on a shared machine moves it less; MODEL (e.g. {@code sentiment-de}) limits the run to those
 * models.
 */
public final class ClassifierSpeed {
  private ClassifierSpeed() {}

  private static final int RUNS = 5;

  public static void main(String[] args) {
    Path labeled = Path.of(args[0]);
    List<String> only = List.of(args).subList(1, args.length);
    for (Recipe recipe : Recipe.SHIPPED) {
      if (!only.isEmpty() && !only.contains(recipe.name())) {
        continue;
      }
      long t0 = System.nanoTime();
      TextClassifier model = ShippedModels.load(recipe.task(), recipe.lang()).orElseThrow();
      double loadMs = (System.nanoTime() - t0) / 1e6;
      List<String> texts = new ArrayList<>();
      long chars = 0;
      for (String file : files(recipe)) {
        for (LabeledExample e : LabeledData.read(recipe.task(), labeled.resolve(file)).examples()) {
          texts.add(e.text());
          chars += e.text().length();
        }
      }
      int rounds = Math.max(1, 200_000 / texts.size());
      run(model, texts, rounds, false); // warm-up
      double predict = median(model, texts, rounds, false);
      double classify = median(model, texts, rounds, true);
      System.out.printf(
          Locale.ROOT,
          "%-13s load %6.0f ms  %,7d texts (mean %4d chars)  predict %,9.0f posts/s  classify+reasons %,9.0f posts/s%n",
          recipe.name(),
          loadMs,
          texts.size(),
          chars / texts.size(),
          predict,
          classify);
    }
    if (!only.isEmpty()) {
      return;
    }
    List<LabeledExample> relevance =
        LabeledData.read(Task.RELEVANCE, labeled.resolve("relevance/de/germeval2017.dev.tsv"))
            .examples();
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      Trainer.train(Task.RELEVANCE, "de", relevance, TrainingConfig.defaults());
      System.out.printf(
          Locale.ROOT,
          "train relevance-de on %,d rows: %.2f s%n",
          relevance.size(),
          (System.nanoTime() - t0) / 1e9);
    }
  }

  /**
   * The files whose texts are classified: the recipe's, or those listed for it in the system
   * property {@code speed.files} ({@code NAME=FILE+FILE,NAME=…}), so that models trained on
   * different files can be timed on the same texts.
   */
  static List<String> files(Recipe recipe) {
    String listed = System.getProperty("speed.files", "");
    for (String entry : listed.split(",")) {
      String[] nameAndFiles = entry.split("=", 2);
      if (nameAndFiles.length == 2 && nameAndFiles[0].equals(recipe.name())) {
        return List.of(nameAndFiles[1].split("\\+"));
      }
    }
    return recipe.sources().stream().map(Recipe.Source::file).toList();
  }

  private static double median(
      TextClassifier model, List<String> texts, int rounds, boolean reasons) {
    double[] speeds = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      speeds[i] = run(model, texts, rounds, reasons);
    }
    java.util.Arrays.sort(speeds);
    return speeds[RUNS / 2];
  }

  private static double run(TextClassifier model, List<String> texts, int rounds, boolean reasons) {
    long t0 = System.nanoTime();
    int sink = 0;
    for (int r = 0; r < rounds; r++) {
      for (String text : texts) {
        sink += reasons ? model.classify(text).reasons().size() : model.predict(text).length();
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (sink == -1) {
      throw new AssertionError();
    }
    return texts.size() * (double) rounds / seconds;
  }
}
