package org.cluetrain.classify;

import java.util.List;
import java.util.Locale;

/** A classification task and its closed label set, named as in the shared labelled data. */
public enum Task {
  SENTIMENT("sentiment", List.of("positive", "negative", "neutral")),
  SPAM("spam", List.of("spam", "ham")),
  OFFENSIVE("offensive", List.of("offense", "other")),
  RELEVANCE("relevance", List.of("true", "false"));

  private final String id;
  private final List<String> labels;

  Task(String id, List<String> labels) {
    this.id = id;
    this.labels = labels;
  }

  /** The task's name, e.g. {@code sentiment}: the key in {@code Post.labels()}. */
  public String id() {
    return id;
  }

  /** The labels of the task, in a fixed order. */
  public List<String> labels() {
    return labels;
  }

  /** The task with this name (case-insensitive). */
  public static Task of(String id) {
    for (Task task : values()) {
      if (task.id.equals(id.toLowerCase(Locale.ROOT))) {
        return task;
      }
    }
    throw new IllegalArgumentException(
        "unknown task '" + id + "', expected one of sentiment, spam, offensive, relevance");
  }
}
