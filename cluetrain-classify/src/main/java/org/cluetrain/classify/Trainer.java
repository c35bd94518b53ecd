package org.cluetrain.classify;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fits a {@link TextClassifier} to labelled examples: multinomial logistic regression over hashed
 * features, L2-regularised, trained with AdaGrad over epochs shuffled by the configured seed.
 * Deterministic: the same examples in the same order with the same configuration give the same
 * model. A few thousand short posts train in well under a second.
 */
public final class Trainer {
  private Trainer() {}

  /**
   * Trains a classifier for {@code task} in language {@code lang}.
   *
   * @throws IllegalArgumentException when there are no examples or a label is not one of the task's
   */
  public static TextClassifier train(
      Task task, String lang, List<LabeledExample> examples, TrainingConfig config) {
    return train(task, lang, examples, null, config, Map.of());
  }

  /**
   * Trains with a weight per example ({@code null}: all 1) and extra metadata for the model file.
   */
  static TextClassifier train(
      Task task,
      String lang,
      List<LabeledExample> examples,
      double[] exampleWeights,
      TrainingConfig config,
      Map<String, String> extraMetadata) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no training examples for " + task.id() + "-" + lang);
    }
    if (exampleWeights != null && exampleWeights.length != examples.size()) {
      throw new IllegalArgumentException("one weight per example expected");
    }
    List<String> labels = task.labels();
    int k = labels.size();
    int n = examples.size();
    int[] y = new int[n];
    int[] counts = new int[k];
    double[] weighted = new double[k];
    double weightedTotal = 0;
    for (int i = 0; i < n; i++) {
      LabeledExample e = examples.get(i);
      y[i] = labels.indexOf(e.label());
      if (y[i] < 0) {
        throw new IllegalArgumentException(
            "example " + e.id() + ": label '" + e.label() + "' is not one of " + labels);
      }
      counts[y[i]]++;
      double w = exampleWeights == null ? 1 : exampleWeights[i];
      weighted[y[i]] += w;
      weightedTotal += w;
    }
    double[] classWeight = new double[k];
    for (int c = 0; c < k; c++) {
      classWeight[c] =
          weighted[c] == 0
              ? 0
              : Math.pow(weightedTotal / (k * weighted[c]), config.classWeighting());
    }

    FeatureExtractor extractor = new FeatureExtractor(config.features());
    int[][] idx = new int[n][];
    float[][] val = new float[n][];
    Features buffer = new Features();
    for (int i = 0; i < n; i++) {
      extractor.extract(examples.get(i).text(), buffer);
      compact(buffer, i, idx, val);
    }
    int dim = 1 << config.features().hashBits();
    LinearModel model = averageRuns(idx, val, y, exampleWeights, classWeight, config, dim);

    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("examples", Integer.toString(n));
    StringBuilder labelCounts = new StringBuilder();
    for (int c = 0; c < k; c++) {
      labelCounts.append(c == 0 ? "" : " ").append(labels.get(c)).append('=').append(counts[c]);
    }
    metadata.put("label_counts", labelCounts.toString());
    metadata.put("seed", Long.toString(config.seed()));
    metadata.put("epochs", Integer.toString(config.epochs()));
    if (config.runs() > 1) {
      metadata.put("runs", Integer.toString(config.runs()));
    }
    metadata.put("learning_rate", Double.toString(config.learningRate()));
    metadata.put("l2", Double.toString(config.l2()));
    metadata.put("class_weighting", Double.toString(config.classWeighting()));
    metadata.put("algorithm", "multinomial logistic regression, AdaGrad, L2");
    metadata.putAll(extraMetadata);
    return new TextClassifier(task, lang, labels, config.features(), model, metadata);
  }

  /**
   * A bare linear model over each text's hashed features followed by {@code dense[i]} times {@code
   * denseWeight} at the buckets after the hashed ones ({@code 2^hashBits + j}), for experiments
   * with features computed outside this module (sentence embeddings); same labels, class weights
   * and runs as {@link #train}. Without {@code hashed}, the dense features alone (at buckets {@code
   * j}). Score a text with {@link #denseFeatures}.
   */
  static LinearModel trainWithDense(
      Task task,
      List<LabeledExample> examples,
      double[] exampleWeights,
      TrainingConfig config,
      boolean hashed,
      float[][] dense,
      float denseWeight) {
    List<String> labels = task.labels();
    int k = labels.size();
    int n = examples.size();
    int[] y = new int[n];
    double[] weighted = new double[k];
    double weightedTotal = 0;
    for (int i = 0; i < n; i++) {
      y[i] = labels.indexOf(examples.get(i).label());
      double w = exampleWeights == null ? 1 : exampleWeights[i];
      weighted[y[i]] += w;
      weightedTotal += w;
    }
    double[] classWeight = new double[k];
    for (int c = 0; c < k; c++) {
      classWeight[c] =
          weighted[c] == 0
              ? 0
              : Math.pow(weightedTotal / (k * weighted[c]), config.classWeighting());
    }
    FeatureExtractor extractor = hashed ? new FeatureExtractor(config.features()) : null;
    int[][] idx = new int[n][];
    float[][] val = new float[n][];
    Features buffer = new Features();
    for (int i = 0; i < n; i++) {
      denseFeatures(extractor, examples.get(i).text(), dense[i], denseWeight, buffer);
      compact(buffer, i, idx, val);
    }
    int dim = (hashed ? 1 << config.features().hashBits() : 0) + dense[0].length;
    return averageRuns(idx, val, y, exampleWeights, classWeight, config, dim);
  }

  /**
   * The features {@link #trainWithDense} sees for one text: the hashed ones ({@code extractor}
   * null: none) and the dense vector, into {@code out} (one entry per character n-gram).
   */
  static void denseFeatures(
      FeatureExtractor extractor, String text, float[] dense, float denseWeight, Features out) {
    int first;
    if (extractor == null) {
      out.clear();
      first = 0;
    } else {
      extractor.extract(text, out);
      first = 1 << extractor.config().hashBits();
    }
    for (int j = 0; j < dense.length; j++) {
      out.add(first + j, dense[j] * denseWeight, -1);
    }
  }

  /** The average of {@code config.runs()} runs with seeds {@code seed, seed + 1, …}. */
  private static LinearModel averageRuns(
      int[][] idx,
      float[][] val,
      int[] y,
      double[] exampleWeights,
      double[] classWeight,
      TrainingConfig config,
      int dim) {
    int k = classWeight.length;
    float[] w = new float[dim * k];
    float[] bias = new float[k];
    for (int run = 0; run < config.runs(); run++) {
      float[] runWeights = new float[dim * k];
      float[] runBias = new float[k];
      fit(
          idx,
          val,
          y,
          exampleWeights,
          classWeight,
          config,
          config.seed() + run,
          runWeights,
          runBias);
      float share = 1f / config.runs();
      for (int i = 0; i < w.length; i++) {
        w[i] += runWeights[i] * share;
      }
      for (int c = 0; c < k; c++) {
        bias[c] += runBias[c] * share;
      }
    }
    return LinearModel.quantise(k, dim, w, bias);
  }

  /**
   * One run of AdaGrad over {@code config.epochs()} shuffled passes, from zero weights, into {@code
   * w} and {@code bias}.
   */
  private static void fit(
      int[][] idx,
      float[][] val,
      int[] y,
      double[] exampleWeights,
      double[] classWeight,
      TrainingConfig config,
      long seed,
      float[] w,
      float[] bias) {
    int n = y.length;
    int k = bias.length;
    float[] g2 = new float[w.length];
    float[] biasG2 = new float[k];
    double lr = config.learningRate();
    float l2 = (float) config.l2();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    double[] p = new double[k];
    double[] g = new double[k];
    for (int epoch = 0; epoch < config.epochs(); epoch++) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int o = 0; o < n; o++) {
        int i = order[o];
        double weight = classWeight[y[i]] * (exampleWeights == null ? 1 : exampleWeights[i]);
        if (weight == 0) {
          continue;
        }
        int[] fi = idx[i];
        float[] fv = val[i];
        for (int c = 0; c < k; c++) {
          p[c] = bias[c];
        }
        for (int j = 0; j < fi.length; j++) {
          int base = fi[j] * k;
          for (int c = 0; c < k; c++) {
            p[c] += w[base + c] * fv[j];
          }
        }
        LinearModel.softmax(p, k);
        for (int c = 0; c < k; c++) {
          g[c] = (p[c] - (c == y[i] ? 1 : 0)) * weight;
          biasG2[c] += (float) (g[c] * g[c]);
          bias[c] -= (float) (lr * g[c] / (Math.sqrt(biasG2[c]) + 1e-6));
        }
        for (int j = 0; j < fi.length; j++) {
          int base = fi[j] * k;
          float v = fv[j];
          for (int c = 0; c < k; c++) {
            int at = base + c;
            float grad = (float) (g[c] * v) + l2 * w[at];
            g2[at] += grad * grad;
            w[at] -= (float) (lr * grad / (Math.sqrt(g2[at]) + 1e-6));
          }
        }
      }
    }
  }

  /** Sums duplicate buckets of one example's features into sorted, distinct buckets. */
  private static void compact(Features f, int i, int[][] idx, float[][] val) {
    long[] packed = new long[f.size];
    for (int j = 0; j < f.size; j++) {
      packed[j] = ((long) f.index[j] << 32) | (Float.floatToRawIntBits(f.value[j]) & 0xffffffffL);
    }
    Arrays.sort(packed);
    int[] ix = new int[f.size];
    float[] vx = new float[f.size];
    int m = 0;
    for (int j = 0; j < packed.length; j++) {
      int bucket = (int) (packed[j] >>> 32);
      float v = Float.intBitsToFloat((int) packed[j]);
      if (m > 0 && ix[m - 1] == bucket) {
        vx[m - 1] += v;
      } else {
        ix[m] = bucket;
        vx[m] = v;
        m++;
      }
    }
    idx[i] = Arrays.copyOf(ix, m);
    val[i] = Arrays.copyOf(vx, m);
  }
}
