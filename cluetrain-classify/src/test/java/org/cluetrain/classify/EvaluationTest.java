package org.cluetrain.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

  // gold a a a b b c c / predicted a a b b a b d: c is never predicted, d has no support,
  // e neither occurs nor is predicted
  private final Evaluation e =
      Evaluation.of(
          List.of("a", "a", "a", "b", "b", "c", "c"),
          List.of("a", "a", "b", "b", "a", "b", "d"),
          List.of("a", "b", "c", "d", "e"));

  @Test
  void accuracyAndMicroF1CountCorrectItems() {
    assertThat(e.accuracy()).isCloseTo(3.0 / 7, within(1e-12));
    assertThat(e.microF1()).isCloseTo(3.0 / 7, within(1e-12));
  }

  @Test
  void perClassScoresByHand() {
    assertThat(e.scores("a").precision()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(e.scores("a").recall()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(e.scores("a").f1()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(e.scores("b").precision()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(e.scores("b").recall()).isCloseTo(0.5, within(1e-12));
    assertThat(e.scores("b").f1()).isCloseTo(0.4, within(1e-12));
    assertThat(e.scores("b").support()).isEqualTo(2);
  }

  @Test
  void classNeverPredictedHasZeroPrecisionAndRecall() {
    assertThat(e.scores("c")).isEqualTo(new Evaluation.ClassScores(0, 0, 0, 2));
  }

  @Test
  void classWithoutSupportHasZeroScoresAndCountsInMacroF1OnlyWhenPredicted() {
    assertThat(e.scores("d")).isEqualTo(new Evaluation.ClassScores(0, 0, 0, 0));
    // a, b, c, d take part (d was predicted); e neither occurs nor is predicted
    assertThat(e.macroF1()).isCloseTo((2.0 / 3 + 0.4 + 0 + 0) / 4, within(1e-12));
  }

  @Test
  void macroRecallAveragesClassesWithSupport() {
    assertThat(e.macroRecall()).isCloseTo((2.0 / 3 + 0.5 + 0) / 3, within(1e-12));
  }

  @Test
  void confusionIsActualThenPredicted() {
    assertThat(e.confusion().get("a")).containsEntry("a", 2).containsEntry("b", 1);
    assertThat(e.confusion().get("c")).containsEntry("b", 1).containsEntry("d", 1);
    assertThat(e.confusion().get("d").values()).containsOnly(0);
  }

  @Test
  void jsonHasExactlyTheDocumentedShape() {
    Evaluation small = Evaluation.of(List.of("x", "y"), List.of("x", "x"), List.of("x", "y"));
    assertThat(small.toJson())
        .isEqualTo(
            "{\"accuracy\":0.5,\"micro_f1\":0.5,\"macro_f1\":0.3333333333333333,"
                + "\"macro_recall\":0.5,\"per_class\":{"
                + "\"x\":{\"precision\":0.5,\"recall\":1.0,\"f1\":0.6666666666666666,\"support\":1},"
                + "\"y\":{\"precision\":0.0,\"recall\":0.0,\"f1\":0.0,\"support\":1}},"
                + "\"confusion\":{\"x\":{\"x\":1,\"y\":0},\"y\":{\"x\":1,\"y\":0}}}");
  }

  @Test
  void textReportNamesFiguresClassesAndMatrix() {
    String text = e.toText();
    assertThat(text).contains("accuracy 0.4286", "macro-recall 0.3889", "actual \\ predicted");
    assertThat(text.lines().filter(l -> l.startsWith("b "))).isNotEmpty();
  }

  @Test
  void emptyInputScoresZero() {
    Evaluation empty = Evaluation.of(List.of(), List.of(), List.of("x", "y"));
    assertThat(empty.accuracy()).isZero();
    assertThat(empty.macroF1()).isZero();
    assertThat(empty.macroRecall()).isZero();
  }

  @Test
  void unknownLabelsAndLengthMismatchAreRejected() {
    assertThatThrownBy(() -> Evaluation.of(List.of("x"), List.of("z"), List.of("x", "y")))
        .hasMessage("item 0: label 'z' is not one of [x, y]");
    assertThatThrownBy(() -> Evaluation.of(List.of("x"), List.of(), List.of("x")))
        .hasMessage("gold and predicted differ in length: 1 vs 0");
  }
}
