package org.cluetrain.classify;

/**
 * The summed weights of each recently seen word's character n-grams, per class. A word's n-grams
 * are most of a text's features and each is a random read in a weight table larger than a core's
 * cache; the words of a language repeat, so scoring a word already seen is one read instead of
 * dozens. The sums are exact (integers of the quantised weights), so scores do not change.
 *
 * <p>Thread-safe without locks: a slot holds an immutable entry, and two threads that fill one slot
 * at once only compute the same sums twice.
 */
final class CharGramCache {

  private static final int SLOTS = 1 << 17;

  /** Longer words (rare, and often junk) are summed each time rather than evicting common ones. */
  private static final int MAX_CACHED_LENGTH = 40;

  private record Entry(String word, int[] sums) {}

  private final FeatureExtractor extractor;
  private final LinearModel model;
  private final Entry[] entries = new Entry[SLOTS];

  CharGramCache(FeatureExtractor extractor, LinearModel model) {
    this.extractor = extractor;
    this.model = model;
  }

  /** Per class, the sum of the quantised weights of {@code word}'s character n-grams. */
  int[] sums(String word) {
    if (word.length() > MAX_CACHED_LENGTH) {
      return compute(word);
    }
    int h = word.hashCode();
    int slot = (h ^ (h >>> 15)) & (SLOTS - 1);
    Entry e = entries[slot];
    if (e != null && e.word.equals(word)) {
      return e.sums;
    }
    int[] sums = compute(word);
    entries[slot] = new Entry(word, sums);
    return sums;
  }

  private int[] compute(String word) {
    int k = model.classes;
    short[] w = model.weights;
    int[] sums = new int[k];
    extractor.forEachCharGram(
        word,
        bucket -> {
          int base = bucket * k;
          for (int c = 0; c < k; c++) {
            sums[c] += w[base + c];
          }
        });
    return sums;
  }
}
