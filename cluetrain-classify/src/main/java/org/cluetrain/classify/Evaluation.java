package org.cluetrain.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores of predicted labels against gold labels: accuracy, micro- and macro-averaged F1,
 * macro-averaged recall, per-class precision/recall/F1/support and the confusion matrix.
 *
 * <p>Definitions. A class's precision is 0 when it is never predicted, its recall 0 when it has no
 * support. Macro-F1 averages F1 over the classes that occur in the gold labels or in the
 * predictions (a class absent from both is left out, so a file without that class is not
 * penalised). Macro-recall averages recall over the classes with support (SemEval 2017 Task 4A's
 * measure). Micro-F1 pools all decisions; with one label per item it equals accuracy (GermEval
 * 2017's measure).
 */
public final class Evaluation {

  /**
   * The scores of one class.
   *
   * @param support how many gold items have this label
   */
  public record ClassScores(double precision, double recall, double f1, int support) {}

  private final List<String> labels;
  private final int[][] confusion; // [actual][predicted]
  private final int total;

  private Evaluation(List<String> labels, int[][] confusion, int total) {
    this.labels = labels;
    this.confusion = confusion;
    this.total = total;
  }

  /**
   * Scores {@code predicted} against {@code gold}, item by item.
   *
   * @param labels the label set, in the order of reports; every gold and predicted label must be in
   *     it
   * @throws IllegalArgumentException when the lists differ in length or a label is not in {@code
   *     labels}
   */
  public static Evaluation of(List<String> gold, List<String> predicted, List<String> labels) {
    if (gold.size() != predicted.size()) {
      throw new IllegalArgumentException(
          "gold and predicted differ in length: " + gold.size() + " vs " + predicted.size());
    }
    List<String> order = List.copyOf(new java.util.LinkedHashSet<>(labels));
    Map<String, Integer> index = new LinkedHashMap<>();
    for (String l : order) {
      index.put(l, index.size());
    }
    int[][] confusion = new int[order.size()][order.size()];
    for (int i = 0; i < gold.size(); i++) {
      Integer a = index.get(gold.get(i));
      Integer p = index.get(predicted.get(i));
      if (a == null || p == null) {
        throw new IllegalArgumentException(
            "item "
                + i
                + ": label '"
                + (a == null ? gold.get(i) : predicted.get(i))
                + "' is not one of "
                + order);
      }
      confusion[a][p]++;
    }
    return new Evaluation(order, confusion, gold.size());
  }

  public List<String> labels() {
    return labels;
  }

  /** How many items were scored. */
  public int size() {
    return total;
  }

  public double accuracy() {
    return total == 0 ? 0 : (double) correct() / total;
  }

  /** Micro-averaged F1 over all classes; equals accuracy for single-label classification. */
  public double microF1() {
    int tp = correct();
    int fp = total - tp; // every wrong prediction is one false positive and one false negative
    int fn = total - tp;
    return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
  }

  public double macroF1() {
    double sum = 0;
    int n = 0;
    for (int c = 0; c < labels.size(); c++) {
      if (support(c) > 0 || predictedCount(c) > 0) {
        sum += scores(c).f1();
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  public double macroRecall() {
    double sum = 0;
    int n = 0;
    for (int c = 0; c < labels.size(); c++) {
      if (support(c) > 0) {
        sum += scores(c).recall();
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  /** Scores per class, in label order. */
  public Map<String, ClassScores> perClass() {
    Map<String, ClassScores> result = new LinkedHashMap<>();
    for (int c = 0; c < labels.size(); c++) {
      result.put(labels.get(c), scores(c));
    }
    return Collections.unmodifiableMap(result);
  }

  /** Scores of one class. */
  public ClassScores scores(String label) {
    int c = labels.indexOf(label);
    if (c < 0) {
      throw new IllegalArgumentException("label '" + label + "' is not one of " + labels);
    }
    return scores(c);
  }

  /** Counts by actual label, then predicted label. */
  public Map<String, Map<String, Integer>> confusion() {
    Map<String, Map<String, Integer>> result = new LinkedHashMap<>();
    for (int a = 0; a < labels.size(); a++) {
      Map<String, Integer> row = new LinkedHashMap<>();
      for (int p = 0; p < labels.size(); p++) {
        row.put(labels.get(p), confusion[a][p]);
      }
      result.put(labels.get(a), Collections.unmodifiableMap(row));
    }
    return Collections.unmodifiableMap(result);
  }

  /**
   * One JSON object with the keys {@code accuracy}, {@code micro_f1}, {@code macro_f1}, {@code
   * macro_recall}, {@code per_class} (label → {@code precision}, {@code recall}, {@code f1}, {@code
   * support}) and {@code confusion} (actual → predicted → count).
   */
  public String toJson() {
    StringBuilder b = new StringBuilder("{");
    b.append("\"accuracy\":").append(num(accuracy()));
    b.append(",\"micro_f1\":").append(num(microF1()));
    b.append(",\"macro_f1\":").append(num(macroF1()));
    b.append(",\"macro_recall\":").append(num(macroRecall()));
    b.append(",\"per_class\":{");
    for (int c = 0; c < labels.size(); c++) {
      ClassScores s = scores(c);
      b.append(c == 0 ? "" : ",").append(str(labels.get(c))).append(":{");
      b.append("\"precision\":").append(num(s.precision()));
      b.append(",\"recall\":").append(num(s.recall()));
      b.append(",\"f1\":").append(num(s.f1()));
      b.append(",\"support\":").append(s.support()).append('}');
    }
    b.append("},\"confusion\":{");
    for (int a = 0; a < labels.size(); a++) {
      b.append(a == 0 ? "" : ",").append(str(labels.get(a))).append(":{");
      for (int p = 0; p < labels.size(); p++) {
        b.append(p == 0 ? "" : ",").append(str(labels.get(p))).append(':').append(confusion[a][p]);
      }
      b.append('}');
    }
    return b.append("}}").toString();
  }

  /** A readable report: the summary figures, a per-class table and the confusion matrix. */
  public String toText() {
    int width = Math.max(9, labels.stream().mapToInt(String::length).max().orElse(0) + 2);
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "items %d  accuracy %.4f  micro-F1 %.4f  macro-F1 %.4f  macro-recall %.4f%n%n",
            total,
            accuracy(),
            microF1(),
            macroF1(),
            macroRecall()));
    b.append(pad("class", width)).append(" precision    recall        f1   support\n");
    for (int c = 0; c < labels.size(); c++) {
      ClassScores s = scores(c);
      b.append(pad(labels.get(c), width))
          .append(
              String.format(
                  Locale.ROOT,
                  " %9.4f %9.4f %9.4f %9d%n",
                  s.precision(),
                  s.recall(),
                  s.f1(),
                  s.support()));
    }
    b.append('\n').append(pad("actual \\ predicted", Math.max(width, 20)));
    for (String l : labels) {
      b.append(' ').append(padLeft(l, width));
    }
    b.append('\n');
    for (int a = 0; a < labels.size(); a++) {
      b.append(pad(labels.get(a), Math.max(width, 20)));
      for (int p = 0; p < labels.size(); p++) {
        b.append(' ').append(padLeft(Integer.toString(confusion[a][p]), width));
      }
      b.append('\n');
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return toJson();
  }

  private ClassScores scores(int c) {
    int tp = confusion[c][c];
    int predicted = predictedCount(c);
    int support = support(c);
    double precision = predicted == 0 ? 0 : (double) tp / predicted;
    double recall = support == 0 ? 0 : (double) tp / support;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new ClassScores(precision, recall, f1, support);
  }

  private int support(int c) {
    int s = 0;
    for (int p = 0; p < labels.size(); p++) {
      s += confusion[c][p];
    }
    return s;
  }

  private int predictedCount(int c) {
    int s = 0;
    for (int a = 0; a < labels.size(); a++) {
      s += confusion[a][c];
    }
    return s;
  }

  private int correct() {
    int s = 0;
    for (int c = 0; c < labels.size(); c++) {
      s += confusion[c][c];
    }
    return s;
  }

  private static String num(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "0";
  }

  private static String str(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\\') {
        b.append('\\').append(ch);
      } else if (ch < 0x20) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
      } else {
        b.append(ch);
      }
    }
    return b.append('"').toString();
  }

  private static String pad(String s, int w) {
    return s.length() >= w ? s : s + " ".repeat(w - s.length());
  }

  private static String padLeft(String s, int w) {
    return s.length() >= w ? s : " ".repeat(w - s.length()) + s;
  }

  static List<String> distinct(List<String> values) {
    return new ArrayList<>(new java.util.LinkedHashSet<>(values));
  }
}
