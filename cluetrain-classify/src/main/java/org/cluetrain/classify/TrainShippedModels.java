package org.cluetrain.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the shipped models from the shared labelled data, reproducibly (fixed seed), and prints
 * each one's figures on the held-out slice it never trained on.
 *
 * <pre>
 * java -cp … org.cluetrain.classify.TrainShippedModels LABELED_DIR OUT_DIR [NAME…]
 * </pre>
 *
 * {@code NAME} limits the run to some models, e.g. {@code sentiment-de}. Without {@code OUT_DIR}
 * ({@code -}) nothing is written: only the figures are printed.
 */
public final class TrainShippedModels {
  private TrainShippedModels() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: TrainShippedModels LABELED_DIR OUT_DIR|- [NAME…]");
      System.exit(2);
    }
    Path labeled = Path.of(args[0]);
    Path out = args[1].equals("-") ? null : Path.of(args[1]);
    List<String> only = List.of(args).subList(2, args.length);
    for (Recipe recipe : Recipe.SHIPPED) {
      if (!only.isEmpty() && !only.contains(recipe.name())) {
        continue;
      }
      Trained t = train(labeled, recipe);
      System.out.println(t.report());
      if (out != null) {
        Path file = out.resolve(recipe.name() + ".bin");
        t.model.save(file);
        System.out.printf(Locale.ROOT, "wrote %s (%,d bytes)%n%n", file, Files.size(file));
      }
    }
  }

  /** A model trained on the non-held-out rows, with its evaluation per held-out file. */
  record Trained(
      Recipe recipe,
      TextClassifier model,
      Map<String, Evaluation> byFile,
      Evaluation target,
      Evaluation unseenTarget,
      long millis) {
    String report() {
      StringBuilder b = new StringBuilder();
      b.append(
          String.format(
              Locale.ROOT,
              "== %s  (%s on held-out target rows: %.4f; trained in %.1f s)%n",
              recipe.name(),
              recipe.measure(),
              recipe.figure(target),
              millis / 1000.0));
      for (Map.Entry<String, Evaluation> e : byFile.entrySet()) {
        Evaluation ev = e.getValue();
        b.append(
            String.format(
                Locale.ROOT,
                "  %-45s n=%5d acc %.4f microF1 %.4f macroF1 %.4f macroR %.4f %s %.4f  majority %.4f%n",
                e.getKey(),
                ev.size(),
                ev.accuracy(),
                ev.microF1(),
                ev.macroF1(),
                ev.macroRecall(),
                recipe.measure(),
                recipe.figure(ev),
                majorityFigure(recipe, ev)));
      }
      b.append(
          String.format(
              Locale.ROOT,
              "  target rows whose text is not also in the training rows: n=%d %s %.4f%n",
              unseenTarget.size(),
              recipe.measure(),
              recipe.figure(unseenTarget)));
      b.append(target.toText());
      return b.toString();
    }
  }

  /** The same measure for a classifier that always answers the most frequent gold label. */
  static double majorityFigure(Recipe recipe, Evaluation ev) {
    List<String> gold = new ArrayList<>();
    ev.confusion().forEach((actual, row) -> row.values().forEach(n -> addN(gold, actual, n)));
    String major =
        ev.perClass().entrySet().stream()
            .max((a, b) -> Integer.compare(a.getValue().support(), b.getValue().support()))
            .orElseThrow()
            .getKey();
    List<String> pred = new ArrayList<>();
    addN(pred, major, gold.size());
    return recipe.figure(Evaluation.of(gold, pred, ev.labels()));
  }

  private static void addN(List<String> list, String v, int n) {
    for (int i = 0; i < n; i++) {
      list.add(v);
    }
  }

  static Trained train(Path labeled, Recipe given) {
    Recipe recipe = given.withUnlabeledFrom(labeled);
    List<LabeledExample> train = new ArrayList<>();
    java.util.Set<String> trainedTexts = new java.util.HashSet<>();
    List<Double> weights = new ArrayList<>();
    Map<String, List<LabeledExample>> heldOut = new LinkedHashMap<>();
    List<LabeledExample> target = new ArrayList<>();
    Map<String, List<LabeledExample>> trainable = new LinkedHashMap<>();
    StringBuilder data = new StringBuilder();
    for (Recipe.Source s : recipe.sources()) {
      LabeledData d = LabeledData.read(recipe.task(), labeled.resolve(s.file()));
      if (!d.problems().isEmpty()) {
        System.err.println(
            d.problems().size() + " problems in " + s.file() + ", first: " + d.problems().get(0));
      }
      List<LabeledExample> held = new ArrayList<>();
      List<LabeledExample> rows = new ArrayList<>();
      trainable.put(s.file(), rows);
      int trained = 0;
      for (LabeledExample e : d.examples()) {
        if (HeldOut.isHeldOut(e)) {
          held.add(e);
        } else {
          rows.add(e);
          train.add(e);
          if (s.weight() > 0) {
            trainedTexts.add(comparable(e.text()));
          }
          weights.add(s.weight());
          trained++;
        }
      }
      heldOut.put(s.file(), held);
      if (s.target()) {
        target.addAll(held);
      }
      data.append(data.length() == 0 ? "" : "; ")
          .append(s.file())
          .append(" (")
          .append(trained)
          .append(" rows, weight ")
          .append(s.weight())
          .append(')');
    }
    double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
    long start = System.nanoTime();
    TextClassifier model =
        recipe.train(
            train,
            w,
            orderedMetadata(
                "data",
                data.toString(),
                "held_out",
                "ids hashing into 1 of 5 buckets, never trained on"));
    if (recipe.tuning() != null) {
      CrossValidation.OutOfFold oof = CrossValidation.run(recipe, trainable, recipe.tuning());
      model = model.withOffsets(CrossValidation.tuneOffsets(recipe, oof));
    }
    if (recipe.temperature() != 1) {
      model = model.withTemperature(recipe.temperature());
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    Map<String, Evaluation> byFile = new LinkedHashMap<>();
    for (Map.Entry<String, List<LabeledExample>> e : heldOut.entrySet()) {
      byFile.put(e.getKey(), evaluate(model, e.getValue()));
    }
    List<LabeledExample> unseen =
        target.stream().filter(e -> !trainedTexts.contains(comparable(e.text()))).toList();
    return new Trained(
        recipe, model, byFile, evaluate(model, target), evaluate(model, unseen), millis);
  }

  /** Metadata in a fixed order, so the same training writes the same file byte for byte. */
  private static Map<String, String> orderedMetadata(String... keysAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /** A text reduced to lower-case letters and digits, to find duplicates across the slices. */
  static String comparable(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  static Evaluation evaluate(TextClassifier model, List<LabeledExample> examples) {
    List<String> gold = new ArrayList<>(examples.size());
    List<String> pred = new ArrayList<>(examples.size());
    for (LabeledExample e : examples) {
      gold.add(e.label());
      pred.add(model.predict(e.text()));
    }
    return Evaluation.of(gold, pred, model.labels());
  }
}
