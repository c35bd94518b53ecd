package org.cluetrain.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How one shipped model is trained: its data files (relative to the {@code labeled} folder), the
 * weight of each file's rows, the training configuration, and the files and measure its model card
 * reports.
 */
record Recipe(
    String name,
    Task task,
    String lang,
    List<Source> sources,
    TrainingConfig config,
    String measure,
    double threshold,
    CrossValidation.Folds tuning,
    SelfTraining selfTraining,
    double temperature) {

  /**
   * Self-training on unlabelled in-domain texts: a first model labels them, those it labels with at
   * least {@code confidence} join the training data (each with {@code weight}), and the model is
   * trained again. {@code texts} are filled in by {@link #withUnlabeledFrom(Path)}.
   *
   * @param folder relative to the labelled data folder, e.g. {@code ../streams/…}
   * @param fixedLabel when set, every unlabelled text gets this label instead of a predicted one
   */
  record SelfTraining(
      String folder, double confidence, double weight, String fixedLabel, List<String> texts) {}

  /** A recipe that answers the most probable label. */
  Recipe(
      String name,
      Task task,
      String lang,
      List<Source> sources,
      TrainingConfig config,
      String measure) {
    this(name, task, lang, sources, config, measure, 0.5, null, null, 1);
  }

  /**
   * Trains the model on {@code examples} and, for a two-label task with a threshold other than 0.5,
   * shifts its bias so that it answers the first label (spam, offense) when that label's
   * probability exceeds {@link #threshold()}.
   */
  TextClassifier train(
      List<LabeledExample> examples, double[] weights, Map<String, String> metadata) {
    TextClassifier model = Trainer.train(task, lang, examples, weights, config, metadata);
    if (selfTraining != null) {
      model = selfTrain(model, examples, weights, metadata);
    }
    model = model.withLongTextTokens(longTextTokens(model, examples));
    if (threshold == 0.5 || task.labels().size() != 2) {
      return model;
    }
    return model.withFirstLabelThreshold(threshold);
  }

  /** The 95th percentile of the training texts' word counts (as the model sees them). */
  static int longTextTokens(TextClassifier model, List<LabeledExample> examples) {
    int[] counts = new int[examples.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = model.tokenCount(examples.get(i).text());
    }
    Arrays.sort(counts);
    return Math.max(1, counts[(int) Math.floor(0.95 * (counts.length - 1))]);
  }

  private TextClassifier selfTrain(
      TextClassifier first,
      List<LabeledExample> examples,
      double[] weights,
      Map<String, String> metadata) {
    if (selfTraining.texts() == null) {
      throw new IllegalStateException(name + ": self-training texts not read");
    }
    List<LabeledExample> all = new ArrayList<>(examples);
    List<Double> w = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      w.add(weights == null ? 1 : weights[i]);
    }
    int added = 0;
    List<String> texts = selfTraining.texts();
    for (int i = 0; i < texts.size(); i++) {
      String label = selfTraining.fixedLabel();
      if (label == null) {
        Map<String, Double> p = first.probabilities(texts.get(i));
        String best = null;
        for (Map.Entry<String, Double> e : p.entrySet()) {
          if (e.getValue() >= selfTraining.confidence()) {
            best = e.getKey();
          }
        }
        label = best;
      }
      if (label != null) {
        all.add(new LabeledExample("unlabeled-" + i, lang, label, texts.get(i)));
        w.add(selfTraining.weight());
        added++;
      }
    }
    Map<String, String> m = new LinkedHashMap<>(metadata);
    m.put(
        "self_training",
        String.format(
            Locale.ROOT,
            "%s: %d of %d texts, confidence >= %.2f, weight %.2f",
            selfTraining.folder(),
            added,
            texts.size(),
            selfTraining.confidence(),
            selfTraining.weight()));
    return Trainer.train(
        task, lang, all, w.stream().mapToDouble(Double::doubleValue).toArray(), config, m);
  }

  /**
   * @param file e.g. {@code sentiment/de/germeval2017.dev.tsv}
   * @param weight how much each of its rows counts in training (1: as much as any other row)
   * @param target whether its held-out rows make up the figure the model is judged by
   */
  record Source(String file, double weight, boolean target) {}

  /**
   * Every shipped model is the average of this many runs over differently shuffled examples: one
   * run's figures move by up to ±0.005 with the shuffle seed alone, the average does not (see the
   * model cards).
   */
  static final int RUNS = 5;

  static final List<Recipe> SHIPPED =
      List.of(
          new Recipe(
                  "sentiment-de",
                  Task.SENTIMENT,
                  "de",
                  List.of(
                      new Source("sentiment/de/germeval2017.dev.tsv", 3, true),
                      new Source("sentiment/de/germeval2017-twitter.train.tsv", 1, false),
                      new Source("sentiment/de/dai-tweets.all.tsv", 1, false),
                      new Source("sentiment/de/sb10k.all.tsv", 1, false),
                      new Source(
                          "sentiment/de/one-million-posts.all.tsv",
                          0,
                          false)), // scored, not trained on: it lowered every other split
                  TrainingConfig.defaults()
                      .withRuns(RUNS)
                      .withFeatures(FeatureConfig.defaults().withMaxChars(1000)),
                  "micro_f1")
              .withTemperature(1.1),
          new Recipe(
                  "sentiment-en",
                  Task.SENTIMENT,
                  "en",
                  List.of(
                      new Source("sentiment/en/semeval2013-2016.all.tsv", 2, true),
                      new Source("sentiment/en/us-airline.all.tsv", 1, false),
                      new Source("sentiment/en/sxsw-brands.all.tsv", 1, false)),
                  TrainingConfig.defaults()
                      .withRuns(RUNS)
                      .withClassWeighting(1)
                      .withEpochs(2)
                      .withFeatures(FeatureConfig.defaults().withLexicon("en").withCues(true)),
                  "macro_recall")
              .withTuning(CrossValidation.Folds.hashed(3))
              .withTemperature(1.4),
          new Recipe(
                  "spam-en",
                  Task.SPAM,
                  "en",
                  List.of(
                      new Source("spam/en/youtube-psy.all.tsv", 1, true),
                      new Source("spam/en/youtube-katyperry.all.tsv", 1, true),
                      new Source("spam/en/youtube-lmfao.all.tsv", 1, true),
                      new Source("spam/en/datacamp-blog-comments.all.tsv", 1, true),
                      new Source(
                          "spam/en/sms.all.tsv",
                          0,
                          false)), // scored, not trained on: it hurt comment spam
                  TrainingConfig.defaults()
                      .withRuns(RUNS)
                      .withFeatures(FeatureConfig.defaults().withCues(true).withCharWeight(0.25)),
                  "f1_spam")
              .withTemperature(1.25),
          new Recipe(
                  "offensive-de",
                  Task.OFFENSIVE,
                  "de",
                  List.of(
                      new Source("offensive/de/germeval2018.train.tsv", 1, true),
                      new Source("offensive/de/germeval2019.train.tsv", 1, true)),
                  TrainingConfig.defaults().withRuns(RUNS).withClassWeighting(1),
                  "macro_f1")
              .withTemperature(1.6),
          new Recipe(
                  "offensive-en",
                  Task.OFFENSIVE,
                  "en",
                  List.of(
                      new Source("offensive/en/olid.train.tsv", 1, true),
                      new Source(
                          "offensive/en/davidson.all.tsv",
                          0,
                          false)), // scored, not trained on: it hurt OLID
                  TrainingConfig.defaults().withRuns(RUNS).withClassWeighting(1),
                  "macro_f1")
              .withTemperature(1.4),
          new Recipe(
                  "relevance-de",
                  Task.RELEVANCE,
                  "de",
                  List.of(
                      new Source("relevance/de/germeval2017.dev.tsv", 1, true),
                      new Source("relevance/de/germeval2017-twitter.train.tsv", 0.3, false)),
                  TrainingConfig.defaults()
                      .withRuns(RUNS)
                      .withFeatures(
                          FeatureConfig.defaults()
                              .withCues(true)
                              .withCharWeight(0.25)
                              .withMaxChars(500)),
                  "micro_f1")
              .withTuning(CrossValidation.Folds.hashed(5))
              .withTemperature(1.8));

  static Recipe named(String name) {
    for (Recipe r : SHIPPED) {
      if (r.name.equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException("no shipped model named " + name);
  }

  Recipe withConfig(TrainingConfig c) {
    return new Recipe(
        name, task, lang, sources, c, measure, threshold, tuning, selfTraining, temperature);
  }

  Recipe withSources(List<Source> s) {
    return new Recipe(
        name, task, lang, s, config, measure, threshold, tuning, selfTraining, temperature);
  }

  Recipe withThreshold(double t) {
    return new Recipe(
        name, task, lang, sources, config, measure, t, tuning, selfTraining, temperature);
  }

  /**
   * With label offsets (a prior correction; for two labels a decision threshold) tuned on the
   * out-of-fold predictions of these folds of the non-held-out rows; {@code null}: none.
   */
  Recipe withTuning(CrossValidation.Folds folds) {
    return new Recipe(
        name, task, lang, sources, config, measure, threshold, folds, selfTraining, temperature);
  }

  /**
   * With probabilities calibrated by temperature {@code t}: scores divided by {@code t} before the
   * softmax (decisions unchanged), {@code t} fitted on the validation protocol's splits.
   */
  Recipe withTemperature(double t) {
    return new Recipe(
        name, task, lang, sources, config, measure, threshold, tuning, selfTraining, t);
  }

  Recipe withSelfTraining(SelfTraining s) {
    return new Recipe(
        name, task, lang, sources, config, measure, threshold, tuning, s, temperature);
  }

  /** This recipe with its self-training texts read from below {@code labeled}. */
  Recipe withUnlabeledFrom(java.nio.file.Path labeled) {
    if (selfTraining == null || selfTraining.texts() != null) {
      return this;
    }
    SelfTraining s = selfTraining;
    return withSelfTraining(
        new SelfTraining(
            s.folder(),
            s.confidence(),
            s.weight(),
            s.fixedLabel(),
            UnlabeledTexts.read(labeled.resolve(s.folder()))));
  }

  /** The figure this model is judged by. */
  double figure(Evaluation e) {
    switch (measure) {
      case "micro_f1":
        return e.microF1();
      case "macro_f1":
        return e.macroF1();
      case "macro_recall":
        return e.macroRecall();
      case "f1_spam":
        return e.scores("spam").f1();
      default:
        throw new IllegalStateException("unknown measure " + measure);
    }
  }
}
