package org.cluetrain.classify;

/**
 * Weights of a multinomial logistic regression over hashed features, quantised to 16 bits (the same
 * numbers in memory and in the model file, so a saved and reloaded model predicts exactly the
 * same). Immutable once built.
 */
final class LinearModel {
  final int classes;
  final int dim;

  /** Quantised weight of bucket f for class k at {@code f * classes + k}; times {@link #scale}. */
  final short[] weights;

  final float scale;
  final float[] bias;

  LinearModel(int classes, int dim, short[] weights, float scale, float[] bias) {
    if (weights.length != classes * dim || bias.length != classes) {
      throw new IllegalArgumentException("weights do not match " + classes + " x " + dim);
    }
    this.classes = classes;
    this.dim = dim;
    this.weights = weights;
    this.scale = scale;
    this.bias = bias;
  }

  /** Quantises trained weights. */
  static LinearModel quantise(int classes, int dim, float[] weights, float[] bias) {
    float max = 0;
    for (float w : weights) {
      max = Math.max(max, Math.abs(w));
    }
    float scale = max == 0 ? 1 : max / 32767f;
    short[] q = new short[weights.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = (short) Math.max(-32767, Math.min(32767, Math.round(weights[i] / scale)));
    }
    return new LinearModel(classes, dim, q, scale, bias.clone());
  }

  float weight(int bucket, int c) {
    return weights[bucket * classes + c] * scale;
  }

  /** Writes the class probabilities of {@code f} into {@code out}. */
  void probabilities(Features f, double[] out) {
    scores(f, out, null, null);
    softmax(out, classes);
  }

  /**
   * Writes the class probabilities of {@code f} into {@code out} and, in the same pass over the
   * weights, each token's share of every class score into {@code byToken} if it is not null (token
   * t, class c at {@code t * classes + c}, unscaled: only their order matters), so the reasons for
   * a label cost no second pass. Character n-grams folded into blocks are summed by {@code
   * charGrams} (built on this model).
   */
  void probabilities(Features f, double[] out, double[] byToken, CharGramCache charGrams) {
    probabilities(f, out, byToken, charGrams, 1);
  }

  /** As above, with the scores divided by {@code damping} (≥ 1) before the softmax. */
  void probabilities(
      Features f, double[] out, double[] byToken, CharGramCache charGrams, double damping) {
    scores(f, out, byToken, charGrams);
    if (damping != 1) {
      for (int c = 0; c < classes; c++) {
        out[c] /= damping;
      }
    }
    softmax(out, classes);
  }

  private void scores(Features f, double[] out, double[] byToken, CharGramCache charGrams) {
    int k = classes;
    if (f.blocks > 0 && charGrams == null) {
      throw new IllegalStateException("character n-gram blocks need a cache to be scored");
    }
    short[] w = weights;
    int[] index = f.index;
    float[] value = f.value;
    int[] owner = f.owner;
    if (k == 2) {
      double s0 = 0;
      double s1 = 0;
      for (int i = 0; i < f.size; i++) {
        int base = index[i] << 1;
        float v = value[i];
        double x0 = w[base] * v;
        double x1 = w[base + 1] * v;
        s0 += x0;
        s1 += x1;
        int t = owner[i];
        if (byToken != null && t >= 0) {
          byToken[t << 1] += x0;
          byToken[(t << 1) + 1] += x1;
        }
      }
      out[0] = s0;
      out[1] = s1;
    } else {
      for (int c = 0; c < k; c++) {
        out[c] = 0;
      }
      for (int i = 0; i < f.size; i++) {
        int base = index[i] * k;
        float v = value[i];
        int t = owner[i];
        boolean credit = byToken != null && t >= 0;
        for (int c = 0; c < k; c++) {
          double x = w[base + c] * v;
          out[c] += x;
          if (credit) {
            byToken[t * k + c] += x;
          }
        }
      }
    }
    for (int b = 0; b < f.blocks; b++) {
      int[] sums = charGrams.sums(f.blockWord[b]);
      float v = f.blockValue[b];
      int t = f.blockToken[b];
      for (int c = 0; c < k; c++) {
        double x = sums[c] * (double) v;
        out[c] += x;
        if (byToken != null) {
          byToken[t * k + c] += x;
        }
      }
    }
    for (int c = 0; c < k; c++) {
      out[c] = bias[c] + out[c] * scale;
    }
  }

  static void softmax(double[] z, int k) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      max = Math.max(max, z[c]);
    }
    double sum = 0;
    for (int c = 0; c < k; c++) {
      z[c] = Math.exp(z[c] - max);
      sum += z[c];
    }
    for (int c = 0; c < k; c++) {
      z[c] /= sum;
    }
  }
}
