package org.cluetrain.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Out-of-fold predictions over the <em>non-held-out</em> rows of a recipe's files: each fold's
 * target rows are scored by a model trained on the other folds (of all the recipe's files, with
 * their weights). The held-out slice is never read, so choices made from these predictions (a
 * variant, the label offsets of {@link #tuneOffsets}) do not leak into the held-out figures.
 *
 * <p>Folds are either the row id hashed into {@code k} buckets (differently from {@link HeldOut}),
 * or one fold per target file ("leave one file out": for spam, one YouTube video at a time, which
 * is what a new video's comments look like).
 */
final class CrossValidation {
  private CrossValidation() {}

  /** How a recipe's rows are split into folds. */
  record Folds(int k, boolean byFile) {
    Folds {
      if (!byFile && k < 2) {
        throw new IllegalArgumentException("at least 2 folds, was " + k);
      }
    }

    static Folds hashed(int k) {
      return new Folds(k, false);
    }

    static Folds leaveOneFileOut() {
      return new Folds(0, true);
    }

    @Override
    public String toString() {
      return byFile ? "leave-one-file-out" : k + "-fold";
    }
  }

  /**
   * The target rows' gold labels, their out-of-fold probabilities (in the order of the task's
   * labels) and their fold.
   */
  record OutOfFold(List<String> labels, List<String> gold, double[][] probabilities, int[] fold) {
    int folds() {
      return Arrays.stream(fold).max().orElse(-1) + 1;
    }

    /** The predicted labels when {@code offsets} (per label, log scale) are added. */
    List<String> predictions(double[] offsets) {
      List<String> pred = new ArrayList<>(gold.size());
      for (double[] p : probabilities) {
        pred.add(labels.get(argmax(p, offsets)));
      }
      return pred;
    }

    /** The measure over all folds' predictions pooled. */
    double figure(Recipe recipe, double[] offsets) {
      return recipe.figure(Evaluation.of(gold, predictions(offsets), labels));
    }

    /** The measure of each fold on its own. */
    double[] perFold(Recipe recipe, double[] offsets) {
      List<String> pred = predictions(offsets);
      double[] result = new double[folds()];
      for (int k = 0; k < result.length; k++) {
        List<String> g = new ArrayList<>();
        List<String> p = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
          if (fold[i] == k) {
            g.add(gold.get(i));
            p.add(pred.get(i));
          }
        }
        result[k] = g.isEmpty() ? Double.NaN : recipe.figure(Evaluation.of(g, p, labels));
      }
      return result;
    }

    /**
     * The pooled measure when each fold's offsets are tuned on the other folds' predictions only
     * (cross-fitting): an honest estimate of what tuning the offsets gives.
     */
    double crossFittedFigure(Recipe recipe) {
      List<String> pred = new ArrayList<>(gold);
      for (int k = 0; k < folds(); k++) {
        double[] offsets = tuneOffsets(recipe, subset(k, false));
        for (int i = 0; i < gold.size(); i++) {
          if (fold[i] == k) {
            pred.set(i, labels.get(argmax(probabilities[i], offsets)));
          }
        }
      }
      return recipe.figure(Evaluation.of(gold, pred, labels));
    }

    OutOfFold subset(int k, boolean inFold) {
      List<String> g = new ArrayList<>();
      List<double[]> p = new ArrayList<>();
      List<Integer> f = new ArrayList<>();
      for (int i = 0; i < gold.size(); i++) {
        if ((fold[i] == k) == inFold) {
          g.add(gold.get(i));
          p.add(probabilities[i]);
          f.add(fold[i]);
        }
      }
      return new OutOfFold(
          labels, g, p.toArray(double[][]::new), f.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  /**
   * Out-of-fold predictions of {@code recipe}.
   *
   * @param rows the non-held-out rows of each of the recipe's files, by file name
   */
  static OutOfFold run(Recipe recipe, Map<String, List<LabeledExample>> rows, Folds folds) {
    List<String> targets = new ArrayList<>();
    for (Recipe.Source s : recipe.sources()) {
      if (s.target()) {
        targets.add(s.file());
      }
    }
    int k = folds.byFile() ? targets.size() : folds.k();
    if (k < 2) {
      throw new IllegalArgumentException(
          recipe.name() + ": leaving one file out needs at least two target files");
    }
    List<String> labels = recipe.task().labels();
    List<String> gold = new ArrayList<>();
    List<double[]> probabilities = new ArrayList<>();
    List<Integer> foldOf = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      List<LabeledExample> train = new ArrayList<>();
      List<Double> weights = new ArrayList<>();
      List<LabeledExample> test = new ArrayList<>();
      for (Recipe.Source s : recipe.sources()) {
        int fileFold = targets.indexOf(s.file());
        for (LabeledExample e : rows.get(s.file())) {
          int rowFold = folds.byFile() ? fileFold : fold(e, k);
          if (rowFold != f) {
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
        // the model's labels are the task's, in the same order
        probabilities.add(model.probabilitiesOf(e.text()));
        foldOf.add(f);
      }
    }
    return new OutOfFold(
        labels,
        gold,
        probabilities.toArray(double[][]::new),
        foldOf.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The non-held-out rows of each of the recipe's files. */
  static Map<String, List<LabeledExample>> trainableRows(Path labeled, Recipe recipe) {
    Map<String, List<LabeledExample>> rows = new java.util.LinkedHashMap<>();
    for (Recipe.Source s : recipe.sources()) {
      rows.put(
          s.file(),
          LabeledData.read(recipe.task(), labeled.resolve(s.file())).examples().stream()
              .filter(e -> !HeldOut.isHeldOut(e))
              .toList());
    }
    return rows;
  }

  /** The fold of a row: its id hashed differently from {@link HeldOut}. */
  static int fold(LabeledExample e, int folds) {
    int h = e.id().hashCode() * 0x85ebca6b + 0x7f4a7c15;
    h ^= h >>> 16;
    h *= 0xc2b2ae35;
    h ^= h >>> 13;
    return Math.floorMod(h, folds);
  }

  /** Offsets are searched within ±{@value #RANGE} in steps of {@value #STEP} (log scale). */
  static final double RANGE = 2.0;

  static final double STEP = 0.1;

  /**
   * The per-label offsets (log scale, the first label's 0) that maximise the recipe's measure on
   * {@code oof}: a prior correction, which for a two-label task is a decision threshold. Of equally
   * good offsets the smallest are kept.
   */
  static double[] tuneOffsets(Recipe recipe, OutOfFold oof) {
    int k = oof.labels().size();
    int steps = (int) Math.round(RANGE / STEP);
    double[] best = new double[k];
    double bestFigure = oof.figure(recipe, best);
    double bestSize = 0;
    int[] at = new int[k];
    Arrays.fill(at, -steps);
    at[0] = 0;
    while (true) {
      double[] o = new double[k];
      double size = 0;
      for (int c = 1; c < k; c++) {
        o[c] = at[c] * STEP;
        size += Math.abs(o[c]);
      }
      double figure = oof.figure(recipe, o);
      if (figure > bestFigure + 1e-12
          || (Math.abs(figure - bestFigure) <= 1e-12 && size < bestSize)) {
        best = o;
        bestFigure = figure;
        bestSize = size;
      }
      int c = 1;
      while (c < k && at[c] == steps) {
        at[c] = -steps;
        c++;
      }
      if (c == k) {
        break;
      }
      at[c]++;
    }
    return best;
  }

  static int argmax(double[] p, double[] offsets) {
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < p.length; c++) {
      double s = Math.log(Math.max(p[c], 1e-300)) + offsets[c];
      if (s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    return best;
  }
}
