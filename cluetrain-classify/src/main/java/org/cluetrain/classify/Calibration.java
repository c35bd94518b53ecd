package org.cluetrain.classify;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * Whether a model's probabilities mean what they say: the expected calibration error (ECE) of its
 * top label, the reliability table behind it, and the temperature that calibrates it.
 *
 * <p>ECE: the predictions are put into {@value #BINS} equal-width bins by the probability of the
 * answered label; in each bin the gap between that mean probability and the share answered right is
 * weighted by the bin's share of predictions, and the gaps are summed. 0 is perfect; a model that
 * says 0.95 and is right 70 % of the time has a gap of 0.25.
 */
final class Calibration {
  private Calibration() {}

  static final int BINS = 10;

  /** One bin of the reliability table: predictions whose top probability is in [from, to). */
  record Bin(double from, double to, int count, double meanConfidence, double accuracy) {}

  /** The reliability table of {@code probabilities} (per label, in {@code labels}' order). */
  static Bin[] reliability(List<String> labels, List<String> gold, double[][] probabilities) {
    int[] count = new int[BINS];
    double[] confidence = new double[BINS];
    int[] right = new int[BINS];
    for (int i = 0; i < gold.size(); i++) {
      double[] p = probabilities[i];
      int best = TextClassifier.argmax(p);
      int bin = Math.min(BINS - 1, (int) (p[best] * BINS));
      count[bin]++;
      confidence[bin] += p[best];
      if (labels.get(best).equals(gold.get(i))) {
        right[bin]++;
      }
    }
    Bin[] bins = new Bin[BINS];
    for (int b = 0; b < BINS; b++) {
      bins[b] =
          new Bin(
              (double) b / BINS,
              (double) (b + 1) / BINS,
              count[b],
              count[b] == 0 ? Double.NaN : confidence[b] / count[b],
              count[b] == 0 ? Double.NaN : (double) right[b] / count[b]);
    }
    return bins;
  }

  /** The expected calibration error of the top label. */
  static double ece(List<String> labels, List<String> gold, double[][] probabilities) {
    double sum = 0;
    for (Bin b : reliability(labels, gold, probabilities)) {
      if (b.count() > 0) {
        sum += b.count() * Math.abs(b.meanConfidence() - b.accuracy());
      }
    }
    return gold.isEmpty() ? 0 : sum / gold.size();
  }

  /** {@code probabilities} with their log-probabilities divided by {@code temperature}. */
  static double[][] scaled(double[][] probabilities, double temperature) {
    double[][] out = new double[probabilities.length][];
    for (int i = 0; i < out.length; i++) {
      double[] z = new double[probabilities[i].length];
      for (int c = 0; c < z.length; c++) {
        z[c] = Math.log(Math.max(probabilities[i][c], 1e-300)) / temperature;
      }
      LinearModel.softmax(z, z.length);
      out[i] = z;
    }
    return out;
  }

  /**
   * The temperature within 0.5..5 (steps of 0.05) with the lowest {@code loss}; of temperatures
   * whose losses differ by less than 1e-9, the lowest. 1 when no loss is finite.
   */
  static double bestTemperature(DoubleUnaryOperator loss) {
    double best = 1;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (int step = 10; step <= 100; step++) {
      double t = step * 0.05;
      double l = loss.applyAsDouble(t);
      if (l < bestLoss - 1e-9) {
        bestLoss = l;
        best = t;
      }
    }
    return best;
  }

  /** The reliability table as text: one line per non-empty bin. */
  static String toText(Bin[] bins) {
    StringBuilder b = new StringBuilder();
    for (Bin bin : bins) {
      if (bin.count() > 0) {
        b.append(
            String.format(
                Locale.ROOT,
                "    [%.1f, %.1f)  n=%5d  says %.3f  right %.3f%n",
                bin.from(),
                bin.to(),
                bin.count(),
                bin.meanConfidence(),
                bin.accuracy()));
      }
    }
    return b.toString();
  }
}
