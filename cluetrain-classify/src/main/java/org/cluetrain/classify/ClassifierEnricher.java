package org.cluetrain.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cluetrain.enrich.Enricher;
import org.cluetrain.model.Label;
import org.cluetrain.model.Post;

/**
 * Adds classifier labels to posts: for each classifier whose language is the post's {@code lang}, a
 * {@link Label} under the classifier's task name in {@link Post#labels()}. A post in a language no
 * classifier covers (or not yet identified) gets no label for that task rather than a wrong one.
 * Labels already on the post for other tasks are kept.
 *
 * <p>Thread-safe; never throws on odd text (empty, only emoji or links, huge: only the first
 * characters are scored, see {@link FeatureConfig#maxChars()}).
 */
public final class ClassifierEnricher implements Enricher {

  private final Map<String, List<TextClassifier>> byLang = new LinkedHashMap<>();

  /** Uses the given classifiers; at most one per task and language. */
  public ClassifierEnricher(Collection<TextClassifier> classifiers) {
    Map<String, TextClassifier> seen = new LinkedHashMap<>();
    for (TextClassifier c : classifiers) {
      String key = c.task() + "-" + c.lang();
      if (seen.put(key, c) != null) {
        throw new IllegalArgumentException("two classifiers for " + key);
      }
      byLang.computeIfAbsent(c.lang(), l -> new ArrayList<>()).add(c);
    }
  }

  /** Sentiment (de, en), spam (en) and offensive language (de, en) with the shipped models. */
  public static ClassifierEnricher shipped() {
    return new ClassifierEnricher(ShippedModels.all());
  }

  @Override
  public String name() {
    return "classify";
  }

  @Override
  public Post enrich(Post post) {
    List<TextClassifier> classifiers = post.lang() == null ? null : byLang.get(post.lang());
    if (classifiers == null || classifiers.isEmpty()) {
      return post;
    }
    String text = post.fullText();
    Map<String, Label> labels = new LinkedHashMap<>(post.labels());
    for (TextClassifier c : classifiers) {
      labels.put(c.task(), c.classify(text));
    }
    return post.toBuilder().labels(labels).build();
  }
}
