package org.cluetrain.classify;

import java.util.Arrays;

/**
 * The features of one text: hashed bucket, value and the token each came from (for explanations). A
 * reusable buffer, not thread-safe; one per thread.
 */
final class Features {
  int[] index = new int[256];
  float[] value = new float[256];
  int[] owner = new int[256];
  int size;
  String[] tokens = new String[64];
  boolean[] negated = new boolean[64];
  int tokenCount;

  void clear() {
    size = 0;
    tokenCount = 0;
  }

  void add(int bucket, float v, int token) {
    if (size == index.length) {
      index = Arrays.copyOf(index, size * 2);
      value = Arrays.copyOf(value, size * 2);
      owner = Arrays.copyOf(owner, size * 2);
    }
    index[size] = bucket;
    value[size] = v;
    owner[size] = token;
    size++;
  }

  int addToken(String surface, boolean neg) {
    if (tokenCount == tokens.length) {
      tokens = Arrays.copyOf(tokens, tokenCount * 2);
      negated = Arrays.copyOf(negated, tokenCount * 2);
    }
    tokens[tokenCount] = surface;
    negated[tokenCount] = neg;
    return tokenCount++;
  }

  /** Scales all values so that the vector has (about) unit length. */
  void normalise() {
    double sq = 0;
    for (int i = 0; i < size; i++) {
      sq += value[i] * value[i];
    }
    if (sq > 0) {
      float s = (float) (1 / Math.sqrt(sq));
      for (int i = 0; i < size; i++) {
        value[i] *= s;
      }
    }
  }
}
