package org.cluetrain.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models that ship inside this module (classpath resources {@code
 * org/cluetrain/classify/models/<task>-<lang>.bin}), each described by a model card in {@code
 * docs/models/}. Each is read once and then shared.
 */
public final class ShippedModels {
  private ShippedModels() {}

  /** The task/language pairs shipped: sentiment de and en, spam en, offensive de and en. */
  public static final List<String> NAMES =
      List.of("sentiment-de", "sentiment-en", "spam-en", "offensive-de", "offensive-en");

  private static final Map<String, Optional<TextClassifier>> CACHE = new ConcurrentHashMap<>();

  /** The shipped model for a task (e.g. {@code sentiment}) and language, if there is one. */
  public static Optional<TextClassifier> load(String task, String lang) {
    if (task == null || lang == null) {
      return Optional.empty();
    }
    String name = task.toLowerCase(Locale.ROOT) + "-" + lang.toLowerCase(Locale.ROOT);
    return CACHE.computeIfAbsent(name, ShippedModels::read);
  }

  /** The shipped model for a task and language, if there is one. */
  public static Optional<TextClassifier> load(Task task, String lang) {
    return load(task.id(), lang);
  }

  /** Every shipped model present on the classpath. */
  public static List<TextClassifier> all() {
    List<TextClassifier> result = new ArrayList<>();
    for (String name : NAMES) {
      int dash = name.indexOf('-');
      load(name.substring(0, dash), name.substring(dash + 1)).ifPresent(result::add);
    }
    return result;
  }

  private static Optional<TextClassifier> read(String name) {
    if (!name.matches("[a-z]+-[a-z]{2,3}")) {
      return Optional.empty();
    }
    try (InputStream in = ShippedModels.class.getResourceAsStream("models/" + name + ".bin")) {
      return in == null ? Optional.empty() : Optional.of(TextClassifier.load(in));
    } catch (IOException e) {
      throw new UncheckedIOException("shipped model " + name + " is unreadable", e);
    }
  }
}
