package org.cluetrain.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the n-gram frequency models shipped inside Lingua's jar (Apache-2.0): one resource per
 * language and order, {@code language-models/<iso>/<order>.json}, shaped {@code
 * {"language":"GERMAN","ngrams":{"426/3451":"cca cce",…}}}, a fraction followed by the n-grams that
 * have it. Unigram fractions are shares of all letters; longer n-grams are conditional on their
 * first n−1 letters. The format is fixed and simple, so it is scanned directly rather than through
 * a JSON library: no escapes occur in it, and loading is part of every start.
 */
final class LinguaModelFiles {
  /** The longest n-gram Lingua has a model for. */
  static final int MAX_ORDER = 5;

  private static final String[] FILE_NAMES = {
    "unigrams", "bigrams", "trigrams", "quadrigrams", "fivegrams"
  };
  private static final String NGRAMS = "\"ngrams\":{";

  /** Receives one n-gram, as {@code text[start, end)}, with the natural log of its probability. */
  interface NgramSink {
    void accept(String text, int start, int end, double logProbability);
  }

  private LinguaModelFiles() {}

  /** Whether Lingua has models for the ISO 639-1 code (lower case). */
  static boolean exists(String iso) {
    return LinguaModelFiles.class.getClassLoader().getResource(resource(iso, 1)) != null;
  }

  /** Passes every n-gram of one language and order to the sink. */
  static void read(String iso, int order, NgramSink sink) {
    String json = load(resource(iso, order));
    int i = json.indexOf(NGRAMS);
    if (i < 0) {
      throw new IllegalStateException("no n-grams in " + resource(iso, order));
    }
    i += NGRAMS.length();
    while (i < json.length() && json.charAt(i) == '"') {
      int slash = json.indexOf('/', i + 1);
      int fractionEnd = json.indexOf('"', slash);
      double logProbability =
          Math.log(Long.parseLong(json, i + 1, slash, 10))
              - Math.log(Long.parseLong(json, slash + 1, fractionEnd, 10));
      int start = fractionEnd + 3; // past `":"`
      int end = json.indexOf('"', start);
      for (int from = start; from < end; ) {
        int space = json.indexOf(' ', from);
        int to = space < 0 || space > end ? end : space;
        sink.accept(json, from, to, logProbability);
        from = to + 1;
      }
      i = end + 1;
      if (i < json.length() && json.charAt(i) == ',') {
        i++;
      }
    }
  }

  private static String resource(String iso, int order) {
    return "language-models/" + iso + "/" + FILE_NAMES[order - 1] + ".json";
  }

  private static String load(String resource) {
    try (InputStream in = LinguaModelFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing model resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model resource " + resource, e);
    }
  }
}
