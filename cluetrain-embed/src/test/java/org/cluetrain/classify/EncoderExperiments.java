package org.cluetrain.classify;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cluetrain.embed.SentenceEncoder;

/**
 * Sentence embeddings as features of sentiment-en, on the validation protocol {@code unseen}: for
 * every split of {@link ValidationProtocol} the shipped recipe (one run) is trained as the
 * baseline, then the same hashed features with the 384 embedding numbers beside them (each weight
 * given), and the embedding alone. Prints one protocol report per variant, then the encoder's speed
 * on one thread.
 *
 * <pre>
 * java -cp … org.cluetrain.classify.EncoderExperiments LABELED_DIR CACHE_FILE [--alone-only] [DENSE_WEIGHT…]
 * </pre>
 *
 * <p>Embedding all texts takes minutes; they are cached in {@code CACHE_FILE} (e.g. under {@code
 * target/}) and recomputed when the texts change.
 */
public final class EncoderExperiments {
  private EncoderExperiments() {}

  public static void main(String[] args) throws Exception {
    Path labeled = Path.of(args[0]);
    Path cache = Path.of(args[1]);
    boolean aloneOnly = args.length > 2 && args[2].equals("--alone-only");
    List<Float> denseWeights = new ArrayList<>();
    for (int i = aloneOnly ? 3 : 2; i < args.length; i++) {
      denseWeights.add(Float.parseFloat(args[i]));
    }
    if (denseWeights.isEmpty() && !aloneOnly) {
      denseWeights.add(1f);
    }
    Recipe shipped = Recipe.named("sentiment-en");
    Recipe recipe = shipped.withConfig(shipped.config().withRuns(1));
    List<ValidationProtocol.Row> rows = ValidationProtocol.rows(labeled, recipe);
    List<String> texts = rows.stream().map(r -> r.example().text()).toList();
    float[][] vectors = embeddings(texts, cache);
    Map<String, List<ValidationProtocol.Result>> byVariant = new LinkedHashMap<>();
    for (ValidationProtocol.Split split : ValidationProtocol.splits(recipe, rows)) {
      List<Integer> train = new ArrayList<>();
      List<Integer> test = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        ValidationProtocol.Row r = rows.get(i);
        if (split.test().test(r)) {
          test.add(i);
        }
        if (!r.heldOut() && r.file().weight() > 0 && !split.leftOut().test(r)) {
          train.add(i);
        }
      }
      List<LabeledExample> trainExamples = train.stream().map(i -> rows.get(i).example()).toList();
      double[] weights = train.stream().mapToDouble(i -> rows.get(i).file().weight()).toArray();
      float[][] trainDense = train.stream().map(i -> vectors[i]).toArray(float[][]::new);

      long t0 = System.nanoTime();
      if (!aloneOnly) {
        TextClassifier base = recipe.train(trainExamples, weights, Map.of());
        record(
            byVariant,
            "shipped recipe (hashed n-grams, lexicon, cues)",
            recipe,
            split,
            rows,
            train.size(),
            test,
            i -> base.probabilitiesOf(rows.get(i).example().text()));
        System.err.printf(
            Locale.ROOT, "%s %s: baseline %.0f s%n", split.kind(), split.name(), secs(t0));
      }
      FeatureExtractor extractor = new FeatureExtractor(recipe.config().features());
      for (float w : denseWeights) {
        t0 = System.nanoTime();
        LinearModel m =
            Trainer.trainWithDense(
                recipe.task(), trainExamples, weights, recipe.config(), true, trainDense, w);
        Features f = new Features();
        record(
            byVariant,
            "hashed + MiniLM embedding, weight " + w,
            recipe,
            split,
            rows,
            train.size(),
            test,
            i -> {
              Trainer.denseFeatures(extractor, rows.get(i).example().text(), vectors[i], w, f);
              double[] p = new double[recipe.task().labels().size()];
              m.probabilities(f, p);
              return p;
            });
        System.err.printf(
            Locale.ROOT, "%s %s: dense %.1f %.0f s%n", split.kind(), split.name(), w, secs(t0));
      }
      LinearModel alone =
          Trainer.trainWithDense(
              recipe.task(), trainExamples, weights, recipe.config(), false, trainDense, 1);
      Features f = new Features();
      record(
          byVariant,
          "MiniLM embedding alone",
          recipe,
          split,
          rows,
          train.size(),
          test,
          i -> {
            Trainer.denseFeatures(null, "", vectors[i], 1, f);
            double[] p = new double[recipe.task().labels().size()];
            alone.probabilities(f, p);
            return p;
          });
    }
    for (Map.Entry<String, List<ValidationProtocol.Result>> e : byVariant.entrySet()) {
      System.out.println(
          new ValidationProtocol.Report(
                  "sentiment-en: " + e.getKey(),
                  recipe.measure(),
                  recipe.task().labels(),
                  shipped.temperature(),
                  e.getValue())
              .toText());
    }
    if (!aloneOnly) {
      speed(texts);
    }
  }

  private interface Scorer {
    double[] probabilities(int row);
  }

  private static void record(
      Map<String, List<ValidationProtocol.Result>> byVariant,
      String variant,
      Recipe recipe,
      ValidationProtocol.Split split,
      List<ValidationProtocol.Row> rows,
      int trainRows,
      List<Integer> test,
      Scorer scorer) {
    List<String> labels = recipe.task().labels();
    List<String> gold = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    double[][] probabilities = new double[test.size()][];
    for (int j = 0; j < test.size(); j++) {
      int i = test.get(j);
      probabilities[j] = scorer.probabilities(i);
      gold.add(rows.get(i).example().label());
      predicted.add(labels.get(TextClassifier.argmax(probabilities[j])));
    }
    Evaluation evaluation = Evaluation.of(gold, predicted, labels);
    byVariant
        .computeIfAbsent(variant, k -> new ArrayList<>())
        .add(
            new ValidationProtocol.Result(
                split.kind(),
                split.name(),
                split.target(),
                trainRows,
                gold,
                probabilities,
                evaluation,
                recipe.figure(evaluation),
                TrainShippedModels.majorityFigure(recipe, evaluation)));
  }

  /** Every text's embedding, from {@code cache} when it holds these texts, else computed. */
  static float[][] embeddings(List<String> texts, Path cache) throws InterruptedException {
    long key = texts.hashCode() * 31L + texts.size();
    if (Files.exists(cache)) {
      try (DataInputStream in =
          new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(cache)))) {
        if (in.readLong() == key && in.readInt() == texts.size()) {
          int dim = in.readInt();
          float[][] v = new float[texts.size()][dim];
          for (float[] row : v) {
            for (int j = 0; j < dim; j++) {
              row[j] = in.readFloat();
            }
          }
          return v;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Map<String, Integer> first = new HashMap<>();
    List<String> distinct = new ArrayList<>();
    for (String t : texts) {
      if (first.putIfAbsent(t, distinct.size()) == null) {
        distinct.add(t);
      }
    }
    float[][] unique = new float[distinct.size()][];
    int threads = 2;
    SentenceEncoder encoder = SentenceEncoder.load(1);
    long t0 = System.nanoTime();
    Thread[] workers = new Thread[threads];
    for (int w = 0; w < threads; w++) {
      int start = w;
      workers[w] =
          new Thread(
              () -> {
                for (int i = start; i < unique.length; i += threads) {
                  unique[i] = encoder.embed(distinct.get(i));
                  if (start == 0 && i % 5000 == 0) {
                    System.err.printf(
                        Locale.ROOT, "embedded %,d of %,d (%.0f s)%n", i, unique.length, secs(t0));
                  }
                }
              });
      workers[w].start();
    }
    for (Thread t : workers) {
      t.join();
    }
    float[][] v = new float[texts.size()][];
    for (int i = 0; i < v.length; i++) {
      v[i] = unique[first.get(texts.get(i))];
    }
    try {
      Files.createDirectories(cache.toAbsolutePath().getParent());
      try (DataOutputStream out =
          new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(cache)))) {
        out.writeLong(key);
        out.writeInt(v.length);
        out.writeInt(v[0].length);
        for (float[] row : v) {
          for (float x : row) {
            out.writeFloat(x);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return v;
  }

  /**
   * Posts/s of the encoder on one thread (median of three runs over 2,000 texts), after warm-up.
   */
  static void speed(List<String> texts) {
    SentenceEncoder encoder = SentenceEncoder.load(1);
    List<String> sample = new ArrayList<>();
    for (int i = 0; i < texts.size() && sample.size() < 2000; i += texts.size() / 2000) {
      sample.add(texts.get(i));
    }
    for (int i = 0; i < 300; i++) {
      encoder.embed(sample.get(i));
    }
    double[] rates = new double[3];
    for (int r = 0; r < rates.length; r++) {
      long t0 = System.nanoTime();
      for (String t : sample) {
        encoder.embed(t);
      }
      rates[r] = sample.size() / secs(t0);
    }
    java.util.Arrays.sort(rates);
    long chars = sample.stream().mapToLong(String::length).sum();
    System.out.printf(
        Locale.ROOT,
        "MiniLM-L6-v2 (8-bit) on one thread: %,.0f posts/s (runs %,.0f / %,.0f / %,.0f; %,d texts, mean %d chars)%n",
        rates[1],
        rates[0],
        rates[1],
        rates[2],
        sample.size(),
        chars / sample.size());
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
