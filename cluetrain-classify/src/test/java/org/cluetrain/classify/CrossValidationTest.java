package org.cluetrain.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

  private static final Recipe SENTIMENT = Recipe.named("sentiment-en");

  /** Gold labels and probabilities of a model that under-predicts "negative". */
  private static CrossValidation.OutOfFold shyOfNegative() {
    List<String> labels = Task.SENTIMENT.labels();
    List<String> gold = new ArrayList<>();
    List<double[]> p = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      // negatives get 0.4 negative / 0.5 neutral; neutrals 0.2 / 0.7; positives clear
      String g = i % 3 == 0 ? "negative" : i % 3 == 1 ? "neutral" : "positive";
      gold.add(g);
      p.add(
          switch (g) {
            case "negative" -> new double[] {0.1, 0.4, 0.5};
            case "neutral" -> new double[] {0.1, 0.2, 0.7};
            default -> new double[] {0.8, 0.1, 0.1};
          });
    }
    int[] fold = new int[gold.size()];
    for (int i = 0; i < fold.length; i++) {
      fold[i] = i % 3 == 0 ? (i / 3) % 3 : i % 3;
    }
    return new CrossValidation.OutOfFold(labels, gold, p.toArray(double[][]::new), fold);
  }

  @Test
  void offsetsRecoverAnUnderPredictedLabel() {
    CrossValidation.OutOfFold oof = shyOfNegative();
    double[] none = new double[3];
    assertThat(oof.figure(SENTIMENT, none))
        .isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));

    double[] offsets = CrossValidation.tuneOffsets(SENTIMENT, oof);
    assertThat(offsets[0]).isZero();
    // negative must beat neutral where it is 0.4 vs 0.5, and not where it is 0.2 vs 0.7
    assertThat(offsets[1] - offsets[2]).isGreaterThan(Math.log(0.5 / 0.4));
    assertThat(offsets[1] - offsets[2]).isLessThan(Math.log(0.7 / 0.2));
    assertThat(oof.figure(SENTIMENT, offsets)).isEqualTo(1.0);
    assertThat(oof.crossFittedFigure(SENTIMENT)).isEqualTo(1.0);
  }

  @Test
  void noOffsetsWhenNothingIsGained() {
    CrossValidation.OutOfFold oof =
        new CrossValidation.OutOfFold(
            Task.SENTIMENT.labels(),
            List.of("positive", "negative", "neutral"),
            new double[][] {{0.9, 0.05, 0.05}, {0.05, 0.9, 0.05}, {0.05, 0.05, 0.9}},
            new int[] {0, 1, 2});
    assertThat(CrossValidation.tuneOffsets(SENTIMENT, oof)).containsExactly(0, 0, 0);
  }

  @Test
  void perFoldFiguresAreEachFoldsOwn() {
    CrossValidation.OutOfFold oof = shyOfNegative();
    double[] perFold = oof.perFold(SENTIMENT, new double[3]);
    assertThat(perFold).hasSize(3);
    for (double f : perFold) {
      assertThat(f).isBetween(0.0, 1.0);
    }
  }

  @Test
  void offsetsMoveTheClassifiersDecision() {
    List<LabeledExample> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      rows.add(new LabeledExample("s" + i, "en", "spam", "buy cheap pills now " + i));
      rows.add(new LabeledExample("h" + i, "en", "ham", "lovely song, thanks " + i));
    }
    TextClassifier model = Trainer.train(Task.SPAM, "en", rows, TrainingConfig.defaults());
    String text = "thanks for the song";
    assertThat(model.predict(text)).isEqualTo("ham");
    TextClassifier shifted = model.withOffsets(new double[] {20, 0});
    assertThat(shifted.predict(text)).isEqualTo("spam");
    assertThat(shifted.metadata()).containsKey("label_offsets");
    Map<String, Double> p = shifted.probabilities(text);
    assertThat(p.get("spam") + p.get("ham"))
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThatThrownBy(() -> model.withOffsets(new double[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one offset per label");
  }

  @Test
  void leavingOneFileOutNeedsTwoTargetFiles() {
    assertThatThrownBy(
            () ->
                CrossValidation.run(
                    Recipe.named("relevance-de"),
                    Map.of("relevance/de/germeval2017.dev.tsv", List.of()),
                    CrossValidation.Folds.leaveOneFileOut()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least two target files");
  }

  @Test
  void unlabelledCsvKeepsQuotedCommasQuotesAndLineBreaks() {
    List<List<String>> rows =
        UnlabeledTexts.parse("ID,CONTENT\r\n1,\"a, \"\"quoted\"\"\nline\"\n2,plain\n");
    assertThat(rows)
        .containsExactly(
            List.of("ID", "CONTENT"), List.of("1", "a, \"quoted\"\nline"), List.of("2", "plain"));
  }
}
