package org.cluetrain.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cluetrain.model.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextClassifierTest {

  static final List<String> TEXTS =
      List.of(
          "I love this, great service :)",
          "what a wonderful trip, thank you",
          "best airline ever, amazing crew",
          "awful delay again, I hate this",
          "terrible service, never again :(",
          "the worst experience, rude staff",
          "flight leaves at 10 from gate 5",
          "the train goes to Berlin",
          "schedule for tomorrow is online",
          "not good at all",
          "not bad, really nice");

  static final List<String> LABELS =
      List.of(
          "positive",
          "positive",
          "positive",
          "negative",
          "negative",
          "negative",
          "neutral",
          "neutral",
          "neutral",
          "negative",
          "positive");

  /** {@link #TEXTS} with their {@link #LABELS}. */
  static List<LabeledExample> examples() {
    List<LabeledExample> examples = new ArrayList<>();
    for (int i = 0; i < TEXTS.size(); i++) {
      examples.add(new LabeledExample("t" + i, "en", LABELS.get(i), TEXTS.get(i)));
    }
    return examples;
  }

  static TextClassifier tiny() {
    return Trainer.train(
        Task.SENTIMENT,
        "en",
        examples(),
        TrainingConfig.defaults()
            .withEpochs(20)
            .withFeatures(FeatureConfig.defaults().withHashBits(14)));
  }

  private final TextClassifier model = tiny();

  @Test
  void learnsItsTrainingDataAndExplainsWithTheTextsOwnWords() {
    Label label = model.classify("great service, I love it");
    assertThat(label.value()).isEqualTo("positive");
    assertThat(label.score()).isBetween(0.34, 1.0);
    assertThat(label.reasons()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    assertThat(List.of("great", "service", "love", "it", "I")).containsAll(label.reasons());
    assertThat(model.classify("great great service, great").reasons())
        .doesNotHaveDuplicates()
        .startsWith("great");
    assertThat(model.classify("awful, rude staff").value()).isEqualTo("negative");
  }

  @Test
  void probabilitiesCoverEveryLabelAndSumToOne() {
    var p = model.probabilities("terrible delay");
    assertThat(p.keySet()).containsExactly("positive", "negative", "neutral");
    assertThat(p.values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void oddTextsGiveDefinedResults() {
    String huge = "Verspätung ".repeat(100_000); // about 1 MB
    for (String text :
        List.of(
            "",
            "   ",
            "😀😀🎉",
            "https://example.com/a http://t.co/x www.example.org",
            "Der Zug war great, aber the service était terrible 🙄",
            huge)) {
      Label label = model.classify(text);
      assertThat(model.labels()).contains(label.value());
      assertThat(label.score()).isBetween(0.0, 1.0);
    }
    assertThat(model.classify(null).value()).isEqualTo(model.classify("").value());
    assertThat(model.classify("").reasons()).isEmpty();
  }

  @Test
  void lexiconAndCueFeaturesRoundTripAndNeverBecomeReasons(@TempDir Path dir) throws Exception {
    List<LabeledExample> examples = examples();
    FeatureConfig features =
        FeatureConfig.defaults()
            .withHashBits(14)
            .withLexicon("en")
            .withCues(true)
            .withCharWeight(0.5);
    TextClassifier lexical =
        Trainer.train(
            Task.SENTIMENT,
            "en",
            examples,
            TrainingConfig.defaults().withEpochs(20).withFeatures(features));
    Path file = dir.resolve("lexical.bin");
    lexical.save(file);
    TextClassifier loaded = TextClassifier.load(file);
    assertThat(loaded.features()).isEqualTo(features);
    for (String text :
        List.of("not good at all!!", "very happy :) https://example.com/x", "", "😡😡")) {
      assertThat(loaded.probabilities(text)).isEqualTo(lexical.probabilities(text));
      assertThat(loaded.classify(text).reasons()).allMatch(r -> !r.startsWith("<"));
    }
  }

  @Test
  void unknownLexiconIsRejectedWithItsName() {
    assertThatThrownBy(() -> FeatureConfig.defaults().withLexicon("fr"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lexicon must be \"\" (none), \"de\" or \"en\", was fr");
  }

  @Test
  void saveAndLoadGiveIdenticalPredictions(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("m.bin");
    model.save(file);
    TextClassifier loaded = TextClassifier.load(file);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    model.save(bytes);
    TextClassifier fromStream = TextClassifier.load(new ByteArrayInputStream(bytes.toByteArray()));

    assertThat(loaded.task()).isEqualTo("sentiment");
    assertThat(loaded.lang()).isEqualTo("en");
    assertThat(loaded.labels()).isEqualTo(model.labels());
    assertThat(loaded.features()).isEqualTo(model.features());
    assertThat(loaded.metadata()).isEqualTo(model.metadata());
    for (String text : TEXTS) {
      assertThat(loaded.probabilities(text)).isEqualTo(model.probabilities(text));
      assertThat(fromStream.classify(text)).isEqualTo(model.classify(text));
    }
  }

  @Test
  void averagedRunsScoreTheMeanOfTheRunsScores() {
    List<LabeledExample> examples = examples();
    TrainingConfig config =
        TrainingConfig.defaults()
            .withEpochs(3)
            .withFeatures(FeatureConfig.defaults().withHashBits(14));
    TextClassifier first = Trainer.train(Task.SENTIMENT, "en", examples, config);
    TextClassifier second = Trainer.train(Task.SENTIMENT, "en", examples, config.withSeed(43));
    TextClassifier averaged = Trainer.train(Task.SENTIMENT, "en", examples, config.withRuns(2));
    for (String text : List.of("great crew, thank you", "awful delay", "gate 5", "new text")) {
      // a softmax's log-probabilities differ from the scores by one constant per text, so the
      // log-probability differences between labels must be the runs' mean differences
      double[] a = logDifferences(first.probabilities(text));
      double[] b = logDifferences(second.probabilities(text));
      double[] mean = logDifferences(averaged.probabilities(text));
      for (int i = 0; i < mean.length; i++) {
        assertThat(mean[i]).isCloseTo((a[i] + b[i]) / 2, org.assertj.core.data.Offset.offset(1e-3));
      }
    }
    assertThat(first.probabilities("great crew")).isNotEqualTo(second.probabilities("great crew"));
  }

  private static double[] logDifferences(java.util.Map<String, Double> p) {
    return new double[] {
      Math.log(p.get("positive")) - Math.log(p.get("neutral")),
      Math.log(p.get("negative")) - Math.log(p.get("neutral"))
    };
  }

  @Test
  void runsOutsideOneToTwentyAreRejected() {
    assertThatThrownBy(() -> TrainingConfig.defaults().withRuns(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("runs must be within 1..20, was 0");
  }

  @Test
  void trainingIsDeterministic() {
    TextClassifier again = tiny();
    for (String text : TEXTS) {
      assertThat(again.probabilities(text)).isEqualTo(model.probabilities(text));
    }
  }

  @Test
  void concurrentCallersGetTheSameAnswersAsOne() throws Exception {
    List<Label> expected = new ArrayList<>();
    for (String t : TEXTS) {
      expected.add(model.classify(t));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> runs = new ArrayList<>();
      for (int r = 0; r < 8; r++) {
        runs.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 200; round++) {
                    for (int i = 0; i < TEXTS.size(); i++) {
                      if (!model.classify(TEXTS.get(i)).equals(expected.get(i))) {
                        return false;
                      }
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> run : runs) {
        assertThat(run.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void negationMarksTheWordsUpToPunctuation() {
    Features f = new Features();
    new FeatureExtractor(FeatureConfig.defaults())
        .extract("nicht gut, aber schön. Don't like it", f);
    List<String> negated = new ArrayList<>();
    for (int t = 0; t < f.tokenCount; t++) {
      if (f.negated[t]) {
        negated.add(f.tokens[t]);
      }
    }
    assertThat(negated).containsExactly("gut", "like", "it");
  }
}
