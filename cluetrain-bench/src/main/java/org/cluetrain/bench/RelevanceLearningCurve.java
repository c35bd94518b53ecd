package org.cluetrain.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.cluetrain.classify.Evaluation;
import org.cluetrain.classify.LabeledData;
import org.cluetrain.classify.LabeledExample;
import org.cluetrain.classify.Task;
import org.cluetrain.classify.TextClassifier;
import org.cluetrain.classify.Trainer;
import org.cluetrain.classify.TrainingConfig;

/**
 * The relevance labelling loop, simulated on GermEval 2017 (Deutsche Bahn) where every post's
 * relevance is known: how good does the project's model get as an analyst labels more posts, when
 * the posts to label are proposed by uncertainty (as {@code cluetrain label next} does) versus
 * picked at random?
 *
 * <p>A fixed fifth of the file (by seed) is the test set and is never labelled. The loop starts
 * from {@code START} random labels and adds {@code STEP} posts per round, retraining each time with
 * the same trainer and configuration as the application. Prints a Markdown table of micro-F1 on the
 * test set per number of labels, median over the seeds.
 *
 * <pre>
 * java -cp cluetrain-bench/target/cluetrain-bench.jar org.cluetrain.bench.RelevanceLearningCurve \
 *     ../shared/data/labeled/relevance/de/germeval2017.dev.tsv
 * </pre>
 */
public final class RelevanceLearningCurve {
  static final int START = 20;
  static final int STEP = 20;
  static final int[] REPORT_AT = {20, 40, 80, 160, 320, 640, 1280};
  static final long[] SEEDS = {1, 2, 3};

  private RelevanceLearningCurve() {}

  public static void main(String[] args) throws Exception {
    Path file =
        Path.of(
            args.length > 0 ? args[0] : "../shared/data/labeled/relevance/de/germeval2017.dev.tsv");
    if (!Files.exists(file)) {
      System.out.println("skipped: shared data not present");
      return;
    }
    List<LabeledExample> all = LabeledData.read(Task.RELEVANCE, file).examples();
    double[][] active = new double[SEEDS.length][];
    double[][] random = new double[SEEDS.length][];
    double[] full = new double[SEEDS.length];
    long trainingNanos = 0;
    int trainings = 0;
    for (int s = 0; s < SEEDS.length; s++) {
      List<LabeledExample> shuffled = new ArrayList<>(all);
      Collections.shuffle(shuffled, new Random(SEEDS[s]));
      int testSize = shuffled.size() / 5;
      List<LabeledExample> test = shuffled.subList(0, testSize);
      List<LabeledExample> pool = shuffled.subList(testSize, shuffled.size());
      active[s] = curve(pool, test, true, SEEDS[s]);
      random[s] = curve(pool, test, false, SEEDS[s]);
      long start = System.nanoTime();
      full[s] = score(train(pool, SEEDS[s]), test);
      trainingNanos += System.nanoTime() - start;
      trainings++;
    }
    System.out.printf(
        "GermEval 2017 relevance, %d posts (%d test per seed), seeds %s; micro-F1 on the test set,"
            + " median over seeds%n%n",
        all.size(), all.size() / 5, java.util.Arrays.toString(SEEDS));
    System.out.println("| labels | uncertainty sampling | random sampling |");
    System.out.println("|---:|---:|---:|");
    for (int i = 0; i < REPORT_AT.length; i++) {
      System.out.printf(
          "| %d | %.3f | %.3f |%n", REPORT_AT[i], median(active, i), median(random, i));
    }
    System.out.printf(
        "| all %d | %.3f | |%n", all.size() - all.size() / 5, median(new double[][] {full}, -1));
    System.out.printf(
        "%ntraining on all %d labelled posts: %.2f s (mean of %d)%n",
        all.size() - all.size() / 5, trainingNanos / 1e9 / trainings, trainings);
    long majority = all.stream().filter(e -> e.label().equals("true")).count();
    System.out.printf("majority baseline (always 'true'): %.3f%n", majority / (double) all.size());
  }

  private static double[] curve(
      List<LabeledExample> pool, List<LabeledExample> test, boolean uncertainty, long seed) {
    List<LabeledExample> unlabelled = new ArrayList<>(pool);
    Collections.shuffle(unlabelled, new Random(seed * 31 + 7));
    List<LabeledExample> labelled = new ArrayList<>(unlabelled.subList(0, START));
    unlabelled.subList(0, START).clear();
    double[] scores = new double[REPORT_AT.length];
    int next = 0;
    while (next < REPORT_AT.length) {
      if (labelled.size() == REPORT_AT[next]) {
        scores[next++] = bothClasses(labelled) ? score(train(labelled, seed), test) : Double.NaN;
        if (next == REPORT_AT.length) {
          break;
        }
      }
      if (uncertainty && bothClasses(labelled)) {
        TextClassifier model = train(labelled, seed);
        unlabelled.sort(
            Comparator.comparingDouble(
                e -> Math.abs(model.probabilities(e.text()).get("true") - 0.5)));
      }
      List<LabeledExample> chosen = unlabelled.subList(0, STEP);
      labelled.addAll(chosen);
      chosen.clear();
    }
    return scores;
  }

  private static boolean bothClasses(List<LabeledExample> labelled) {
    return labelled.stream().map(LabeledExample::label).distinct().count() == 2;
  }

  private static TextClassifier train(List<LabeledExample> labelled, long seed) {
    return Trainer.train(Task.RELEVANCE, "de", labelled, TrainingConfig.defaults().withSeed(seed));
  }

  private static double score(TextClassifier model, List<LabeledExample> test) {
    List<String> gold = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    for (LabeledExample e : test) {
      gold.add(e.label());
      predicted.add(model.predict(e.text()));
    }
    return Evaluation.of(gold, predicted, Task.RELEVANCE.labels()).microF1();
  }

  private static double median(double[][] runs, int column) {
    double[] values = new double[runs.length];
    for (int i = 0; i < runs.length; i++) {
      values[i] = column < 0 ? runs[i][0] : runs[i][column];
    }
    if (column < 0) {
      values = runs[0].clone();
    }
    java.util.Arrays.sort(values);
    return values[values.length / 2];
  }
}
