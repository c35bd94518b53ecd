package org.cluetrain.classify;

/**
 * How a text becomes features: hashed word n-grams and character n-grams of its normalised tokens.
 *
 * <p>Tokens are lower-cased; links become {@code <url>}, {@code @accounts} {@code <user>}, numbers
 * {@code <num>}; emoji are tokens of their own and emoticons ({@code :-)}, {@code :(}, {@code <3},
 * …) tokens of their class; letters repeated three times or more are cut to two ({@code sooo} →
 * {@code soo}). With negation marking, the words after a German or English negator ({@code nicht},
 * {@code kein…}, {@code nie}, {@code not}, {@code no}, {@code never}, {@code …n't}, …) up to the
 * next punctuation mark are distinct features ({@code gut} after {@code nicht} is not {@code gut}).
 * Character n-grams are taken within each word including its boundaries, which also covers the
 * parts of German compounds ({@code <zugverspätung>} shares {@code verspät} with {@code
 * <verspätet>}).
 *
 * @param hashBits the feature space has {@code 2^hashBits} buckets (12..24)
 * @param wordNgrams 1 for words, 2 for words and word pairs
 * @param charMin the shortest character n-gram, or 0 for none
 * @param charMax the longest character n-gram, or 0 for none
 * @param negation whether to mark the scope of negators
 *     <p>Optionally, a sentiment lexicon adds each known word's valence (flipped in a negation
 *     scope, raised after an intensifier such as {@code sehr} or {@code very}) and the text's
 *     summed positive and negative valence, counts and emoticon/emoji polarity; and surface cues
 *     add the text's length, its links and their domains, digits, capitals, repeated letters and
 *     {@code !}/{@code ?} counts.
 * @param hashBits the feature space has {@code 2^hashBits} buckets (12..24)
 * @param wordNgrams 1 for words, 2 for words and word pairs
 * @param charMin the shortest character n-gram, or 0 for none
 * @param charMax the longest character n-gram, or 0 for none
 * @param negation whether to mark the scope of negators
 * @param maxChars only the first {@code maxChars} characters of a text are scored
 * @param lexicon the sentiment lexicon to use: {@code ""} for none, {@code "de"} or {@code "en"}
 * @param cues whether to add surface cues (length, links and domains, digits, capitals, …)
 * @param charWeight how much each character n-gram counts against a word (0 &lt; w ≤ 1)
 */
public record FeatureConfig(
    int hashBits,
    int wordNgrams,
    int charMin,
    int charMax,
    boolean negation,
    int maxChars,
    String lexicon,
    boolean cues,
    double charWeight) {

  /** The lexicons that ship with the module. */
  static final java.util.Set<String> LEXICONS = java.util.Set.of("", "de", "en");

  /** Without lexicon or surface cues, character n-grams counting as much as words. */
  public FeatureConfig(
      int hashBits, int wordNgrams, int charMin, int charMax, boolean negation, int maxChars) {
    this(hashBits, wordNgrams, charMin, charMax, negation, maxChars, "", false, 1);
  }

  public FeatureConfig {
    if (hashBits < 12 || hashBits > 24) {
      throw new IllegalArgumentException("hashBits must be within 12..24, was " + hashBits);
    }
    if (wordNgrams < 1 || wordNgrams > 2) {
      throw new IllegalArgumentException("wordNgrams must be 1 or 2, was " + wordNgrams);
    }
    if (charMin < 0 || charMax < charMin || charMax > 8 || (charMin == 0) != (charMax == 0)) {
      throw new IllegalArgumentException(
          "character n-grams must be 0..0 (none) or within 1..8, was " + charMin + ".." + charMax);
    }
    if (maxChars < 16) {
      throw new IllegalArgumentException("maxChars must be at least 16, was " + maxChars);
    }
    if (lexicon == null || !LEXICONS.contains(lexicon)) {
      throw new IllegalArgumentException(
          "lexicon must be \"\" (none), \"de\" or \"en\", was " + lexicon);
    }
    if (!(charWeight > 0 && charWeight <= 1)) {
      throw new IllegalArgumentException("charWeight must be within (0, 1], was " + charWeight);
    }
  }

  /** Words and word pairs, character 2- to 5-grams, negation marking, 2^18 buckets. */
  public static FeatureConfig defaults() {
    return new FeatureConfig(18, 2, 2, 5, true, 5000);
  }

  public FeatureConfig withHashBits(int bits) {
    return new FeatureConfig(
        bits, wordNgrams, charMin, charMax, negation, maxChars, lexicon, cues, charWeight);
  }

  public FeatureConfig withWordNgrams(int n) {
    return new FeatureConfig(
        hashBits, n, charMin, charMax, negation, maxChars, lexicon, cues, charWeight);
  }

  public FeatureConfig withCharNgrams(int min, int max) {
    return new FeatureConfig(
        hashBits, wordNgrams, min, max, negation, maxChars, lexicon, cues, charWeight);
  }

  public FeatureConfig withNegation(boolean on) {
    return new FeatureConfig(
        hashBits, wordNgrams, charMin, charMax, on, maxChars, lexicon, cues, charWeight);
  }

  public FeatureConfig withMaxChars(int max) {
    return new FeatureConfig(
        hashBits, wordNgrams, charMin, charMax, negation, max, lexicon, cues, charWeight);
  }

  /** With the sentiment lexicon of {@code lang} ({@code ""}: none). */
  public FeatureConfig withLexicon(String lang) {
    return new FeatureConfig(
        hashBits, wordNgrams, charMin, charMax, negation, maxChars, lang, cues, charWeight);
  }

  public FeatureConfig withCues(boolean on) {
    return new FeatureConfig(
        hashBits, wordNgrams, charMin, charMax, negation, maxChars, lexicon, on, charWeight);
  }

  public FeatureConfig withCharWeight(double w) {
    return new FeatureConfig(
        hashBits, wordNgrams, charMin, charMax, negation, maxChars, lexicon, cues, w);
  }
}
