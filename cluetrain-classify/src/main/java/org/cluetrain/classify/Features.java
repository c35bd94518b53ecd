package org.cluetrain.classify;

import java.util.Arrays;

/**
 * The features of one text: hashed bucket, value and the token each came from (for explanations). A
 * reusable buffer, not thread-safe; one per thread.
 *
 * <p>For scoring, a word's character n-grams can stay folded into one <em>block</em> (the word, its
 * token, how many n-grams it has and what each counts) instead of one entry per n-gram: a {@link
 * CharGramCache} then adds the word's summed weights in one step. Training expands them.
 */
final class Features {
  int[] index = new int[256];
  float[] value = new float[256];
  int[] owner = new int[256];
  int size;
  String[] tokens = new String[64];
  boolean[] negated = new boolean[64];
  int tokenCount;
  // per-thread scratch space for scoring and reasons, grown as needed
  private double[] tokenScores = new double[64 * 3];
  private double[] tokenTotals = new double[64];
  private boolean[] firstOccurrences = new boolean[64];
  private int[] wordTable = new int[128];

  /** Whether character n-grams become entries (training) or blocks (scoring). */
  final boolean expandCharGrams;

  String[] blockWord = new String[64];
  int[] blockToken = new int[64];
  int[] blockGrams = new int[64];
  float[] blockValue = new float[64];
  int blocks;

  /** A buffer with one entry per character n-gram. */
  Features() {
    this(true);
  }

  Features(boolean expandCharGrams) {
    this.expandCharGrams = expandCharGrams;
  }

  void clear() {
    size = 0;
    tokenCount = 0;
    blocks = 0;
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

  /** The {@code grams} character n-grams of {@code word}, each of value {@code v}, as one block. */
  void addBlock(String word, int grams, float v, int token) {
    if (blocks == blockWord.length) {
      blockWord = Arrays.copyOf(blockWord, blocks * 2);
      blockToken = Arrays.copyOf(blockToken, blocks * 2);
      blockGrams = Arrays.copyOf(blockGrams, blocks * 2);
      blockValue = Arrays.copyOf(blockValue, blocks * 2);
    }
    blockWord[blocks] = word;
    blockGrams[blocks] = grams;
    blockValue[blocks] = v;
    blockToken[blocks] = token;
    blocks++;
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

  /** A buffer of a number per token. */
  double[] tokenTotals() {
    if (tokenTotals.length < tokenCount) {
      tokenTotals = new double[tokens.length];
    }
    return tokenTotals;
  }

  /** A buffer of a flag per token. */
  boolean[] firstOccurrences() {
    if (firstOccurrences.length < tokenCount) {
      firstOccurrences = new boolean[tokens.length];
    }
    return firstOccurrences;
  }

  /**
   * An empty hash table for the tokens: its first {@link #wordTableSize()} slots are -1 (a power of
   * two, at least twice the tokens).
   */
  int[] wordTable() {
    int size = wordTableSize();
    if (wordTable.length < size) {
      wordTable = new int[size];
    }
    Arrays.fill(wordTable, 0, size, -1);
    return wordTable;
  }

  int wordTableSize() {
    return Integer.highestOneBit(Math.max(2, tokenCount) * 2) * 2;
  }

  /** A zeroed buffer for each token's share of each of {@code classes} scores. */
  double[] tokenScores(int classes) {
    int n = tokenCount * classes;
    if (tokenScores.length < n) {
      tokenScores = new double[Math.max(n, tokenScores.length * 2)];
    } else {
      Arrays.fill(tokenScores, 0, n, 0);
    }
    return tokenScores;
  }

  /** Scales all values so that the vector has (about) unit length. */
  void normalise() {
    double sq = 0;
    for (int i = 0; i < size; i++) {
      sq += value[i] * value[i];
    }
    for (int b = 0; b < blocks; b++) {
      sq += blockGrams[b] * blockValue[b] * blockValue[b];
    }
    if (sq > 0) {
      float s = (float) (1 / Math.sqrt(sq));
      for (int i = 0; i < size; i++) {
        value[i] *= s;
      }
      for (int b = 0; b < blocks; b++) {
        blockValue[b] *= s;
      }
    }
  }
}
