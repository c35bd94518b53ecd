package org.cluetrain.classify;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.cluetrain.model.Label;

/**
 * A trained classifier for one task and one language: a text in, a label with its probability and
 * the words that decided it out. Immutable and thread-safe; any text gives a result (an empty text,
 * one without words, or a huge one: only its first {@link FeatureConfig#maxChars()} characters are
 * scored; a text without features gets the label the model prefers a priori, with no reasons).
 *
 * <p>Built by {@link Trainer}, stored with {@link #save(Path)} and read back with {@link
 * #load(Path)}; the shipped models come from {@link ShippedModels}.
 */
public final class TextClassifier {

  static final int MAGIC = 0x43544331; // "CTC1"

  /** 2 added the lexicon, surface cues and character n-gram weight; version 1 files still load. */
  static final int FORMAT_VERSION = 2;

  /** How many reasons a label carries at most. */
  static final int MAX_REASONS = 3;

  private final Task task;
  private final String lang;
  private final List<String> labels;
  private final FeatureExtractor extractor;
  private final LinearModel model;
  private final Map<String, String> metadata;
  private final ThreadLocal<Features> buffers = ThreadLocal.withInitial(() -> new Features(false));
  private final CharGramCache charGrams;

  /**
   * Texts with more words than this (the 95th percentile of the training texts) have their scores
   * divided by how many times longer they are: a long document adds up evidence of a kind the model
   * never weighed, and must not come out certain. 0: no damping (models trained before it).
   */
  private final int longTextTokens;

  TextClassifier(
      Task task,
      String lang,
      List<String> labels,
      FeatureConfig features,
      LinearModel model,
      Map<String, String> metadata) {
    this.task = task;
    this.lang = lang;
    this.labels = List.copyOf(labels);
    this.extractor = new FeatureExtractor(features);
    this.model = model;
    this.charGrams = new CharGramCache(extractor, model);
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    this.longTextTokens = Integer.parseInt(metadata.getOrDefault(LONG_TEXT_TOKENS, "0"));
  }

  static final String LONG_TEXT_TOKENS = "long_text_tokens";

  /** The task's name, e.g. {@code sentiment}. */
  public String task() {
    return task.id();
  }

  /** The language the model was trained for (ISO 639-1). */
  public String lang() {
    return lang;
  }

  /** The labels it can answer, in a fixed order. */
  public List<String> labels() {
    return labels;
  }

  /** How texts are turned into features. */
  public FeatureConfig features() {
    return extractor.config();
  }

  /** How the model was trained: data, seed, epochs, regularisation, date. */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** The most probable label, its probability and up to three words that pushed towards it. */
  public Label classify(String text) {
    Features f = buffers.get();
    extractor.extract(text, f);
    double[] p = new double[model.classes];
    double[] byToken = f.tokenScores(model.classes);
    model.probabilities(f, p, byToken, charGrams, damping(f));
    int best = argmax(p);
    return new Label(labels.get(best), clamp(p[best]), reasons(f, byToken, best));
  }

  /** The most probable label, without probabilities or reasons (the fastest call). */
  public String predict(String text) {
    return labels.get(argmax(probabilitiesOf(text)));
  }

  /** The probability of every label, in the order of {@link #labels()}; they sum to 1. */
  public Map<String, Double> probabilities(String text) {
    double[] p = probabilitiesOf(text);
    Map<String, Double> result = new LinkedHashMap<>();
    for (int c = 0; c < p.length; c++) {
      result.put(labels.get(c), p[c]);
    }
    return Collections.unmodifiableMap(result);
  }

  /**
   * The words (or emoji, or marked forms such as {@code nicht … gut}) whose features raised the
   * chosen label's score most over the others' mean.
   */
  private List<String> reasons(Features f, double[] byTokenAndClass, int label) {
    int k = model.classes;
    int n = f.tokenCount;
    // each word's total over its occurrences (the same surface, negated or not), credited to its
    // first occurrence: an open-addressing table of first occurrences, reused per thread
    double[] total = f.tokenTotals();
    boolean[] first = f.firstOccurrences();
    int[] table = f.wordTable();
    int mask = f.wordTableSize() - 1;
    for (int t = 0; t < n; t++) {
      double mean = 0;
      for (int c = 0; c < k; c++) {
        mean += byTokenAndClass[t * k + c];
      }
      double v = byTokenAndClass[t * k + label] - mean / k;
      String word = f.tokens[t];
      int h = word.hashCode() * 31 + (f.negated[t] ? 1 : 0);
      int slot = (h ^ (h >>> 16)) & mask;
      while (true) {
        int r = table[slot];
        if (r < 0) {
          table[slot] = t;
          total[t] = v;
          first[t] = true;
          break;
        }
        if (f.negated[r] == f.negated[t] && f.tokens[r].equals(word)) {
          total[r] += v;
          first[t] = false;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    // the best three by total; on a tie the earlier word stays ahead
    int[] best = new int[MAX_REASONS];
    int found = 0;
    for (int t = 0; t < n; t++) {
      double v = total[t];
      if (!first[t] || !(v > 0) || (found == MAX_REASONS && v <= total[best[found - 1]])) {
        continue;
      }
      int at = Math.min(found, MAX_REASONS - 1);
      while (at > 0 && v > total[best[at - 1]]) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = t;
      found = Math.min(found + 1, MAX_REASONS);
    }
    String[] words = new String[found];
    for (int i = 0; i < found; i++) {
      int t = best[i];
      words[i] = f.negated[t] ? "(negated) " + f.tokens[t] : f.tokens[t];
    }
    return List.of(words);
  }

  /** The probability of every label, in the order of {@link #labels()}. */
  double[] probabilitiesOf(String text) {
    Features f = buffers.get();
    extractor.extract(text, f);
    double[] p = new double[model.classes];
    model.probabilities(f, p, null, charGrams, damping(f));
    return p;
  }

  private double damping(Features f) {
    return longTextTokens > 0 && f.tokenCount > longTextTokens
        ? (double) f.tokenCount / longTextTokens
        : 1;
  }

  /** The number of words (tokens) {@link #classify} sees in {@code text}, after the cut. */
  int tokenCount(String text) {
    Features f = buffers.get();
    extractor.extract(text, f);
    return f.tokenCount;
  }

  /**
   * This model with its scores divided by {@code temperature} before the softmax: the same
   * decisions, with probabilities calibrated (temperature above 1 makes them less extreme).
   */
  TextClassifier withTemperature(double temperature) {
    if (!(temperature > 0)) {
      throw new IllegalArgumentException("temperature must be positive, was " + temperature);
    }
    float[] bias = model.bias.clone();
    for (int c = 0; c < bias.length; c++) {
      bias[c] /= (float) temperature;
    }
    Map<String, String> m = new LinkedHashMap<>(metadata);
    m.put("temperature", String.format(java.util.Locale.ROOT, "%.2f", temperature));
    return new TextClassifier(
        task,
        lang,
        labels,
        extractor.config(),
        new LinearModel(
            model.classes, model.dim, model.weights, (float) (model.scale / temperature), bias),
        m);
  }

  /**
   * This model, damping the scores of texts with more than {@code tokens} words (see {@link
   * #longTextTokens}).
   */
  TextClassifier withLongTextTokens(int tokens) {
    if (tokens < 1) {
      throw new IllegalArgumentException("tokens must be positive, was " + tokens);
    }
    Map<String, String> m = new LinkedHashMap<>(metadata);
    m.put(LONG_TEXT_TOKENS, Integer.toString(tokens));
    return new TextClassifier(task, lang, labels, extractor.config(), model, m);
  }

  /** The index of the highest probability; the first of equal ones. */
  static int argmax(double[] p) {
    int best = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[best]) {
        best = c;
      }
    }
    return best;
  }

  private static double clamp(double v) {
    return Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0;
  }

  /**
   * This model, answering the first of two labels when its probability exceeds {@code threshold}
   * (the bias is shifted by the threshold's log-odds, so the probabilities shift with it).
   */
  TextClassifier withFirstLabelThreshold(double threshold) {
    if (model.classes != 2 || !(threshold > 0 && threshold < 1)) {
      throw new IllegalArgumentException("a threshold within (0, 1) needs a two-label model");
    }
    float[] bias = model.bias.clone();
    bias[0] -= (float) Math.log(threshold / (1 - threshold));
    Map<String, String> m = new LinkedHashMap<>(metadata);
    m.put("threshold", labels.get(0) + " when p > " + threshold);
    return new TextClassifier(
        task,
        lang,
        labels,
        extractor.config(),
        new LinearModel(model.classes, model.dim, model.weights, model.scale, bias),
        m);
  }

  /**
   * This model with {@code offsets} (one per label, log scale) added to its scores: a prior
   * correction that moves decisions towards the labels with positive offsets. The probabilities
   * shift with it, so they stay consistent with the answered label.
   */
  TextClassifier withOffsets(double[] offsets) {
    if (offsets.length != model.classes) {
      throw new IllegalArgumentException(
          "one offset per label expected, " + model.classes + " labels");
    }
    float[] bias = model.bias.clone();
    StringBuilder text = new StringBuilder();
    for (int c = 0; c < bias.length; c++) {
      bias[c] += (float) offsets[c];
      text.append(c == 0 ? "" : " ")
          .append(labels.get(c))
          .append(String.format(java.util.Locale.ROOT, "%+.2f", offsets[c]));
    }
    Map<String, String> m = new LinkedHashMap<>(metadata);
    m.put("label_offsets", text.toString());
    return new TextClassifier(
        task,
        lang,
        labels,
        extractor.config(),
        new LinearModel(model.classes, model.dim, model.weights, model.scale, bias),
        m);
  }

  LinearModel model() {
    return model;
  }

  FeatureExtractor extractor() {
    return extractor;
  }

  Task taskValue() {
    return task;
  }

  /** Writes the model in its compact binary format (gzip, weights quantised to 16 bits). */
  public void save(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      save(out);
    }
  }

  /** Writes the model to {@code out}, leaving it open. */
  public void save(OutputStream out) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
    DataOutputStream data = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
    data.writeInt(MAGIC);
    data.writeInt(FORMAT_VERSION);
    data.writeUTF(task.id());
    data.writeUTF(lang);
    data.writeInt(labels.size());
    for (String l : labels) {
      data.writeUTF(l);
    }
    FeatureConfig fc = extractor.config();
    data.writeInt(fc.hashBits());
    data.writeInt(fc.wordNgrams());
    data.writeInt(fc.charMin());
    data.writeInt(fc.charMax());
    data.writeBoolean(fc.negation());
    data.writeInt(fc.maxChars());
    data.writeUTF(fc.lexicon());
    data.writeBoolean(fc.cues());
    data.writeDouble(fc.charWeight());
    data.writeInt(metadata.size());
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      data.writeUTF(e.getKey());
      data.writeUTF(e.getValue());
    }
    for (float b : model.bias) {
      data.writeFloat(b);
    }
    data.writeFloat(model.scale);
    for (short w : model.weights) {
      data.writeShort(w);
    }
    data.flush();
    gzip.finish();
  }

  /** Reads a model written by {@link #save(Path)}. */
  public static TextClassifier load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return load(in);
    } catch (IOException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a model written by {@link #save(OutputStream)}. */
  public static TextClassifier load(InputStream in) throws IOException {
    DataInputStream data =
        new DataInputStream(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
    if (data.readInt() != MAGIC) {
      throw new IOException("not a Cluetrain classifier model");
    }
    int version = data.readInt();
    if (version != 1 && version != FORMAT_VERSION) {
      throw new IOException(
          "model format version " + version + ", this build reads " + FORMAT_VERSION);
    }
    Task task = Task.of(data.readUTF());
    String lang = data.readUTF();
    int k = data.readInt();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      labels.add(data.readUTF());
    }
    FeatureConfig fc =
        new FeatureConfig(
            data.readInt(),
            data.readInt(),
            data.readInt(),
            data.readInt(),
            data.readBoolean(),
            data.readInt());
    if (version >= 2) {
      fc =
          fc.withLexicon(data.readUTF())
              .withCues(data.readBoolean())
              .withCharWeight(data.readDouble());
    }
    int m = data.readInt();
    Map<String, String> metadata = new LinkedHashMap<>();
    for (int i = 0; i < m; i++) {
      metadata.put(data.readUTF(), data.readUTF());
    }
    float[] bias = new float[k];
    for (int i = 0; i < k; i++) {
      bias[i] = data.readFloat();
    }
    float scale = data.readFloat();
    int dim = 1 << fc.hashBits();
    short[] weights = new short[dim * k];
    byte[] raw = data.readNBytes(weights.length * 2);
    if (raw.length != weights.length * 2) {
      throw new IOException("truncated model: weights missing");
    }
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (short) (((raw[2 * i] & 0xff) << 8) | (raw[2 * i + 1] & 0xff));
    }
    return new TextClassifier(
        task, lang, labels, fc, new LinearModel(k, dim, weights, scale, bias), metadata);
  }

  @Override
  public String toString() {
    return "TextClassifier[" + task.id() + "-" + lang + ", labels " + labels + "]";
  }
}
