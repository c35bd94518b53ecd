package org.cluetrain.enrich;

import org.cluetrain.model.Post;

/**
 * One enrichment stage: reads a post and returns it with something added (language, links,
 * fingerprint, a classifier's label).
 *
 * <p>Enrichers must be thread-safe and must not fail on odd text (empty, only emoji, huge). An
 * exception is treated by the pipeline as a failure of that post only.
 */
public interface Enricher {

  /** A short name for reports and per-stage benchmarks, e.g. {@code language}. */
  String name();

  Post enrich(Post post);
}
