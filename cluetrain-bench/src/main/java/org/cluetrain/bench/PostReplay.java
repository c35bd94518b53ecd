package org.cluetrain.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cluetrain.model.Author;
import org.cluetrain.model.Post;
import org.cluetrain.model.SourceRef;

/**
 * The corpus replayed as an endless stream: post number {@code n} carries text {@code n mod size},
 * a fresh id ({@code replay:n}) and a timestamp {@link #INTERVAL} after post {@code n - 1}. The
 * same number always gives the same post, so every pass of a benchmark (pipeline, stages,
 * baselines) sees identical input without keeping it in memory.
 */
public final class PostReplay {
  /** The project every replayed post is collected for; the generated queries belong to it too. */
  public static final String PROJECT = "bench";

  /** When post 0 was written. */
  static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

  /** Time between two replayed posts by default: 36,000 posts an hour. */
  static final Duration INTERVAL = Duration.ofMillis(100);

  private final Corpus corpus;
  private final Duration interval;
  private final Map<String, SourceRef> sources = new HashMap<>();

  public PostReplay(Corpus corpus) {
    this(corpus, INTERVAL);
  }

  /** A replay whose posts are {@code interval} apart, e.g. to spread a million over weeks. */
  public PostReplay(Corpus corpus, Duration interval) {
    this.corpus = corpus;
    this.interval = interval;
    for (Corpus.Text text : corpus.texts()) {
      sources.computeIfAbsent(
          text.file(), file -> new SourceRef("file:" + file, text.type(), file, null));
    }
  }

  /** Post number {@code sequence} (0-based). */
  public Post post(long sequence) {
    Corpus.Text text = corpus.texts().get((int) (sequence % corpus.size()));
    Author author =
        text.authorName() == null
            ? null
            : new Author(text.file() + ":" + text.authorName(), text.authorName(), null, null);
    return Post.builder()
        .id(id(sequence))
        .source(sources.get(text.file()))
        .kind(text.kind())
        .author(author)
        .text(text.text())
        .published(START.plus(interval.multipliedBy(sequence)))
        .project(PROJECT)
        .build();
  }

  /** Posts {@code from} to {@code from + count - 1}. */
  public List<Post> batch(long from, int count) {
    List<Post> batch = new ArrayList<>(count);
    for (long n = from; n < from + count; n++) {
      batch.add(post(n));
    }
    return batch;
  }

  static String id(long sequence) {
    return "replay:" + sequence;
  }
}
