package org.cluetrain.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scoring with character n-grams folded into cached per-word sums must give what scoring every
 * n-gram on its own gives: the same probabilities and, from them, the same label.
 */
class CharGramCacheTest {

  private static final List<String> TEXTS =
      List.of(
          "",
          "I love this, great service :)",
          "not good at all, the train was late again",
          "Zugverspätung schon wieder, danke Deutsche Bahn 🙄 https://example.com/x",
          "great great great service service", // repeated words hit the cache
          "İ".repeat(1_200), // lower-casing lengthens the word past the character limit
          "a".repeat(300) + " " + "b".repeat(41));

  @Test
  void foldedScoresEqualExpandedScores() {
    for (TextClassifier model :
        List.of(
            TextClassifierTest.tiny(),
            TextClassifierTest.tiny().withOffsets(new double[] {0.3, 0, -0.2}))) {
      for (int round = 0; round < 2; round++) { // the second round reads the cached sums
        for (String text : TEXTS) {
          double[] expanded = expanded(model, text);
          List<Double> folded = new ArrayList<>(model.probabilities(text).values());
          for (int c = 0; c < expanded.length; c++) {
            assertThat(folded.get(c))
                .as("%s, label %d", text, c)
                .isCloseTo(expanded[c], within(1e-6));
          }
        }
      }
    }
  }

  @Test
  void theCacheAnswersTheSameSumsTwice() {
    TextClassifier model = TextClassifierTest.tiny();
    CharGramCache cache = new CharGramCache(model.extractor(), model.model());
    int[] first = cache.sums("verspätung");
    assertThat(cache.sums("verspätung")).isSameAs(first);
    assertThat(cache.sums("x".repeat(100))).isNotSameAs(cache.sums("x".repeat(100)));
  }

  private static double[] expanded(TextClassifier model, String text) {
    Features f = new Features(true);
    model.extractor().extract(text, f);
    double[] p = new double[model.labels().size()];
    model.model().probabilities(f, p);
    return p;
  }
}
