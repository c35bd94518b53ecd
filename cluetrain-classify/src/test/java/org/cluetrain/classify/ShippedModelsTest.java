package org.cluetrain.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cluetrain.model.Label;
import org.cluetrain.testkit.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression guards: every shipped model, scored on the held-out rows it never trained on, must
 * stay at or just below the figure its model card reports.
 */
class ShippedModelsTest {

  /** Slightly below the held-out figures measured when the models were trained (model cards). */
  static final Map<String, Double> FLOORS =
      Map.of(
          "sentiment-de", 0.77,
          "sentiment-en", 0.675,
          "spam-en", 0.915,
          "offensive-de", 0.775,
          "offensive-en", 0.71,
          "relevance-de", 0.90);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sentiment-de",
        "sentiment-en",
        "spam-en",
        "offensive-de",
        "offensive-en",
        "relevance-de"
      })
  void heldOutFigureStaysAboveItsFloor(String name) {
    Recipe recipe = Recipe.named(name);
    TextClassifier model = ShippedModels.load(recipe.task(), recipe.lang()).orElseThrow();
    assertThat(model.task()).isEqualTo(recipe.task().id());
    assertThat(model.lang()).isEqualTo(recipe.lang());

    List<LabeledExample> heldOut = new ArrayList<>();
    for (Recipe.Source s : recipe.sources()) {
      if (s.target()) {
        LabeledData data = LabeledData.read(recipe.task(), SharedData.path("labeled/" + s.file()));
        data.examples().stream().filter(HeldOut::isHeldOut).forEach(heldOut::add);
      }
    }
    Evaluation e = TrainShippedModels.evaluate(model, heldOut);
    assertThat(recipe.figure(e))
        .as(name + " " + recipe.measure())
        .isGreaterThanOrEqualTo(FLOORS.get(name));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sentiment-de",
        "sentiment-en",
        "spam-en",
        "offensive-de",
        "offensive-en",
        "relevance-de"
      })
  void everyShippedModelAnswersOddTexts(String name) {
    Recipe recipe = Recipe.named(name);
    TextClassifier model = ShippedModels.load(recipe.task(), recipe.lang()).orElseThrow();
    for (String text :
        List.of(
            "",
            "😀🎉👍",
            "https://example.com/x",
            "Die Bahn is late again 😡",
            "x".repeat(1 << 20))) {
      Label label = model.classify(text);
      assertThat(model.labels()).contains(label.value());
    }
  }

  @org.junit.jupiter.api.Test
  void theRelevancePriorIsLoadableButNotAppliedToEveryPost() {
    assertThat(ShippedModels.load("relevance", "de")).isPresent();
    assertThat(ShippedModels.all()).noneMatch(m -> m.task().equals("relevance"));
  }

  @org.junit.jupiter.api.Test
  void unknownModelsAreEmptyNotErrors() {
    assertThat(ShippedModels.load("sentiment", "fr")).isEmpty();
    assertThat(ShippedModels.load("relevance", "en")).isEmpty();
    assertThat(ShippedModels.load("../x", "de")).isEmpty();
  }
}
