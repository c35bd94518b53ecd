package org.cluetrain.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Two ways of using the German texts that carry no sentiment or relevance label, measured like
 * {@link ClassifierExperiments} (k-fold cross-validation over the non-held-out rows only):
 *
 * <ul>
 *   <li><b>weak labels</b>: offensive posts (GermEval 2018/2019) as negative, supportive comments
 *       (GermEval 2025 "Flausch") as positive, added with a small weight;
 *   <li><b>word clusters</b>: every German text of the labelled folder (held-out rows excluded)
 *       gives word vectors (positive PMI with the two words either side, reduced to 200 dimensions
 *       by randomised SVD), grouped into {@code k} clusters by spherical k-means; each text is
 *       scored with its words' cluster ids appended as extra tokens.
 * </ul>
 *
 * <pre>
 * java -cp … org.cluetrain.classify.GermanUnlabeledExperiments LABELED_DIR NAME [CLUSTERS [MIN_COUNT]]
 * </pre>
 */
public final class GermanUnlabeledExperiments {
  private GermanUnlabeledExperiments() {}

  private static final int DIMENSIONS = 200;
  private static final int CONTEXT_WORDS = 3000;
  private static final int WINDOW = 2;

  public static void main(String[] args) throws Exception {
    Path labeled = Path.of(args[0]);
    Recipe base = Recipe.named(args[1]);
    int clusters = args.length > 2 ? Integer.parseInt(args[2]) : 256;
    int minCount = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    CrossValidation.Folds folds = CrossValidation.Folds.hashed(5);
    Map<String, List<LabeledExample>> rows =
        new HashMap<>(CrossValidation.trainableRows(labeled, base));
    Map<String, Recipe> recipes = new LinkedHashMap<>();
    Map<String, Map<String, List<LabeledExample>>> data = new LinkedHashMap<>();
    recipes.put("shipped", base);
    data.put("shipped", rows);

    if (base.task() == Task.SENTIMENT) {
      rows.put(
          "weak:offense",
          relabelled(
              labeled,
              Map.of("offense", "negative"),
              "offensive/de/germeval2018.train.tsv",
              "offensive/de/germeval2019.train.tsv"));
      rows.put(
          "weak:supportive",
          relabelled(
              labeled, Map.of("yes", "positive"), "supportive/de/germeval2025-flausch.train.tsv"));
      for (double w : new double[] {0.1, 0.3}) {
        for (List<String> extra :
            List.of(
                List.of("weak:offense"),
                List.of("weak:supportive"),
                List.of("weak:offense", "weak:supportive"))) {
          List<Recipe.Source> sources = new ArrayList<>(base.sources());
          extra.forEach(file -> sources.add(new Recipe.Source(file, w, false)));
          String name = String.join(" + ", extra) + " weight " + w;
          recipes.put(name, base.withSources(sources));
          data.put(name, rows);
        }
      }
    }

    long t0 = System.nanoTime();
    Map<String, Integer> clusterOf = wordClusters(germanTexts(labeled), clusters, minCount, 7);
    System.out.printf(
        Locale.ROOT,
        "%d words in %d clusters (%.1f s)%n",
        clusterOf.size(),
        clusters,
        (System.nanoTime() - t0) / 1e9);
    Map<String, List<LabeledExample>> withClusters = new HashMap<>();
    for (Recipe.Source s : base.sources()) {
      withClusters.put(
          s.file(),
          rows.get(s.file()).stream()
              .map(
                  e ->
                      new LabeledExample(
                          e.id(), e.lang(), e.label(), withClusterTokens(e.text(), clusterOf)))
              .toList());
    }
    String name = "word clusters k=" + clusters + " (words seen " + minCount + "+ times)";
    // the appended tokens must not be cut off by the recipe's character limit
    recipes.put(
        name,
        base.withConfig(base.config().withFeatures(base.config().features().withMaxChars(5000))));
    data.put(name, withClusters);

    ExecutorService pool = Executors.newFixedThreadPool(2);
    Map<String, Future<String>> results = new LinkedHashMap<>();
    for (String variant : recipes.keySet()) {
      results.put(
          variant,
          pool.submit(
              () ->
                  ClassifierExperiments.crossValidate(
                      recipes.get(variant), folds, data.get(variant))));
    }
    for (Map.Entry<String, Future<String>> r : results.entrySet()) {
      System.out.printf(Locale.ROOT, "%-50s %s CV %s%n", r.getKey(), folds, r.getValue().get());
    }
    pool.shutdown();
  }

  /** The rows of {@code files} whose label {@code mapping} knows, with the mapped label. */
  static List<LabeledExample> relabelled(
      Path labeled, Map<String, String> mapping, String... files) {
    List<LabeledExample> out = new ArrayList<>();
    for (String file : files) {
      for (LabeledExample e : LabeledData.read(labeled.resolve(file)).examples()) {
        String label = mapping.get(e.label());
        if (label != null && !HeldOut.isHeldOut(e)) {
          out.add(new LabeledExample("weak-" + e.id(), e.lang(), label, e.text()));
        }
      }
    }
    return out;
  }

  /** The distinct texts of every German file under {@code labeled}, held-out rows excluded. */
  static List<String> germanTexts(Path labeled) throws IOException {
    LinkedHashSet<String> texts = new LinkedHashSet<>();
    try (Stream<Path> files = Files.walk(labeled)) {
      for (Path f :
          files
              .filter(p -> p.getParent().getFileName().toString().equals("de"))
              .filter(p -> p.toString().endsWith(".tsv"))
              .sorted()
              .toList()) {
        for (LabeledExample e : LabeledData.read(f).examples()) {
          if (!HeldOut.isHeldOut(e)) {
            texts.add(e.text());
          }
        }
      }
    }
    return List.copyOf(texts);
  }

  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty() && w.length() < 30) {
        out.add(w);
      }
    }
    return out;
  }

  static String withClusterTokens(String text, Map<String, Integer> clusterOf) {
    StringBuilder sb = new StringBuilder(text).append(" |");
    for (String w : words(text)) {
      Integer c = clusterOf.get(w);
      if (c != null) {
        sb.append(" qxc").append(c);
      }
    }
    return sb.toString();
  }

  /** Word → cluster id for the words seen at least {@code minCount} times. */
  static Map<String, Integer> wordClusters(List<String> texts, int k, int minCount, long seed) {
    Map<String, Integer> counts = new HashMap<>();
    List<List<String>> docs = new ArrayList<>();
    for (String t : texts) {
      List<String> ws = words(t);
      docs.add(ws);
      ws.forEach(w -> counts.merge(w, 1, Integer::sum));
    }
    List<String> vocab =
        counts.entrySet().stream()
            .filter(e -> e.getValue() >= minCount)
            .sorted((a, b) -> b.getValue() - a.getValue())
            .map(Map.Entry::getKey)
            .toList();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < vocab.size(); i++) {
      index.put(vocab.get(i), i);
    }
    int v = vocab.size();
    int contexts = Math.min(CONTEXT_WORDS, v);
    // contexts left and right of a word are distinct columns
    List<Map<Integer, Integer>> cooc = new ArrayList<>();
    for (int i = 0; i < v; i++) {
      cooc.add(new HashMap<>());
    }
    double[] contextTotal = new double[contexts];
    double total = 0;
    for (List<String> d : docs) {
      for (int i = 0; i < d.size(); i++) {
        Integer a = index.get(d.get(i));
        if (a == null) {
          continue;
        }
        for (int j = Math.max(0, i - WINDOW); j <= Math.min(d.size() - 1, i + WINDOW); j++) {
          Integer b = j == i ? null : index.get(d.get(j));
          if (b != null && b < contexts) {
            cooc.get(a).merge(j < i ? b : b + contexts, 1, Integer::sum);
            contextTotal[b]++;
            total++;
          }
        }
      }
    }
    // positive PMI with context-distribution smoothing (exponent 0.75)
    int[][] columns = new int[v][];
    float[][] values = new float[v][];
    for (int a = 0; a < v; a++) {
      double rowTotal = cooc.get(a).values().stream().mapToInt(Integer::intValue).sum();
      List<int[]> cells = new ArrayList<>();
      for (Map.Entry<Integer, Integer> e : cooc.get(a).entrySet()) {
        double pContext =
            Math.pow(contextTotal[e.getKey() % contexts], 0.75) / Math.pow(total, 0.75);
        double pmi = Math.log(e.getValue() / rowTotal / pContext);
        if (pmi > 0) {
          cells.add(new int[] {e.getKey(), Float.floatToIntBits((float) pmi)});
        }
      }
      columns[a] = cells.stream().mapToInt(c -> c[0]).toArray();
      values[a] = new float[cells.size()];
      for (int i = 0; i < cells.size(); i++) {
        values[a][i] = Float.intBitsToFloat(cells.get(i)[1]);
      }
    }
    // randomised SVD by subspace iteration: the rows of M·Z span the top singular directions
    Random random = new Random(seed);
    double[][] z = new double[2 * contexts][DIMENSIONS];
    for (double[] row : z) {
      for (int j = 0; j < DIMENSIONS; j++) {
        row[j] = random.nextGaussian();
      }
    }
    double[][] q = multiply(columns, values, z, v);
    for (int iteration = 0; iteration < 3; iteration++) {
      orthonormalise(q);
      z = multiplyTransposed(columns, values, q, 2 * contexts);
      orthonormalise(z);
      q = multiply(columns, values, z, v);
    }
    for (double[] row : q) {
      normalise(row);
    }
    int[] assigned = sphericalKMeans(q, k);
    Map<String, Integer> clusterOf = new HashMap<>();
    for (int a = 0; a < v; a++) {
      clusterOf.put(vocab.get(a), assigned[a]);
    }
    return clusterOf;
  }

  private static double[][] multiply(int[][] columns, float[][] values, double[][] z, int rows) {
    double[][] out = new double[rows][DIMENSIONS];
    for (int a = 0; a < rows; a++) {
      for (int i = 0; i < columns[a].length; i++) {
        double[] zr = z[columns[a][i]];
        for (int j = 0; j < DIMENSIONS; j++) {
          out[a][j] += values[a][i] * zr[j];
        }
      }
    }
    return out;
  }

  private static double[][] multiplyTransposed(
      int[][] columns, float[][] values, double[][] q, int width) {
    double[][] out = new double[width][DIMENSIONS];
    for (int a = 0; a < columns.length; a++) {
      for (int i = 0; i < columns[a].length; i++) {
        double[] o = out[columns[a][i]];
        for (int j = 0; j < DIMENSIONS; j++) {
          o[j] += values[a][i] * q[a][j];
        }
      }
    }
    return out;
  }

  /** Gram–Schmidt on the columns. */
  private static void orthonormalise(double[][] m) {
    for (int j = 0; j < DIMENSIONS; j++) {
      for (int p = 0; p < j; p++) {
        double dot = 0;
        for (double[] row : m) {
          dot += row[j] * row[p];
        }
        for (double[] row : m) {
          row[j] -= dot * row[p];
        }
      }
      double norm = 0;
      for (double[] row : m) {
        norm += row[j] * row[j];
      }
      norm = Math.sqrt(norm);
      for (double[] row : m) {
        row[j] = norm > 0 ? row[j] / norm : 0;
      }
    }
  }

  private static void normalise(double[] x) {
    double norm = Math.sqrt(java.util.Arrays.stream(x).map(d -> d * d).sum());
    if (norm > 0) {
      for (int j = 0; j < x.length; j++) {
        x[j] /= norm;
      }
    }
  }

  /** Cluster ids by cosine k-means, 15 rounds, started from evenly spaced vectors. */
  private static int[] sphericalKMeans(double[][] x, int k) {
    int n = x.length;
    double[][] centres = new double[k][];
    for (int c = 0; c < k; c++) {
      centres[c] = x[(int) ((long) c * n / k)].clone();
    }
    int[] assigned = new int[n];
    for (int round = 0; round < 15; round++) {
      double[][] current = centres;
      IntStream.range(0, n)
          .parallel()
          .forEach(
              a -> {
                int best = 0;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                  double s = 0;
                  for (int j = 0; j < DIMENSIONS; j++) {
                    s += x[a][j] * current[c][j];
                  }
                  if (s > bestScore) {
                    bestScore = s;
                    best = c;
                  }
                }
                assigned[a] = best;
              });
      double[][] next = new double[k][DIMENSIONS];
      for (int a = 0; a < n; a++) {
        for (int j = 0; j < DIMENSIONS; j++) {
          next[assigned[a]][j] += x[a][j];
        }
      }
      for (int c = 0; c < k; c++) {
        normalise(next[c]);
      }
      centres = next;
    }
    return assigned;
  }
}
