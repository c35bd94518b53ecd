package org.cluetrain.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Error analysis for a recipe whose target files are separate collections (the spam videos): each
 * target file in turn is scored by a model trained on all rows of the recipe's other files, and
 * every wrong answer is printed with its text, followed by the file's counts.
 *
 * <pre>
 * java -cp … org.cluetrain.classify.LeftOutFileErrors LABELED_DIR NAME
 * </pre>
 */
public final class LeftOutFileErrors {
  private LeftOutFileErrors() {}

  public static void main(String[] args) {
    Path labeled = Path.of(args[0]);
    Recipe recipe = Recipe.named(args[1]);
    String positive = recipe.task().labels().get(0);
    for (Recipe.Source left : recipe.sources()) {
      if (!left.target()) {
        continue;
      }
      List<LabeledExample> train = new ArrayList<>();
      List<Double> weights = new ArrayList<>();
      for (Recipe.Source s : recipe.sources()) {
        if (s != left && s.weight() > 0) {
          for (LabeledExample e : read(labeled, recipe, s)) {
            train.add(e);
            weights.add(s.weight());
          }
        }
      }
      TextClassifier model =
          recipe.train(
              train, weights.stream().mapToDouble(Double::doubleValue).toArray(), Map.of());
      int truePositives = 0;
      int falsePositives = 0;
      int falseNegatives = 0;
      for (LabeledExample e : read(labeled, recipe, left)) {
        String predicted = model.predict(e.text());
        boolean saysPositive = predicted.equals(positive);
        boolean isPositive = e.label().equals(positive);
        if (saysPositive && isPositive) {
          truePositives++;
        } else if (saysPositive || isPositive) {
          if (saysPositive) {
            falsePositives++;
          } else {
            falseNegatives++;
          }
          System.out.printf(
              "%s\tgold %s\tpredicted %s\t%s%n",
              left.file(), e.label(), predicted, e.text().replaceAll("\\s+", " "));
        }
      }
      System.out.printf(
          Locale.ROOT,
          "== %s: %d %s found, %d wrongly flagged, %d missed, F1 %.3f%n",
          left.file(),
          truePositives,
          positive,
          falsePositives,
          falseNegatives,
          2.0 * truePositives / (2 * truePositives + falsePositives + falseNegatives));
    }
  }

  private static List<LabeledExample> read(Path labeled, Recipe recipe, Recipe.Source s) {
    return LabeledData.read(recipe.task(), labeled.resolve(s.file())).examples();
  }
}
