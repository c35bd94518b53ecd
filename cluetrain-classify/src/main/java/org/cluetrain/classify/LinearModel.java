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
    int k = classes;
    short[] w = weights;
    if (k == 2) {
      double s0 = 0;
      double s1 = 0;
      for (int i = 0; i < f.size; i++) {
        int base = f.index[i] << 1;
        float v = f.value[i];
        s0 += w[base] * v;
        s1 += w[base + 1] * v;
      }
      out[0] = bias[0] + s0 * scale;
      out[1] = bias[1] + s1 * scale;
    } else {
      for (int c = 0; c < k; c++) {
        out[c] = 0;
      }
      for (int i = 0; i < f.size; i++) {
        int base = f.index[i] * k;
        float v = f.value[i];
        for (int c = 0; c < k; c++) {
          out[c] += w[base + c] * v;
        }
      }
      for (int c = 0; c < k; c++) {
        out[c] = bias[c] + out[c] * scale;
      }
    }
    softmax(out, k);
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
