package org.cluetrain.ingest;

import java.util.function.Consumer;

/**
 * A live source that can also push posts as they are written (Mastodon's streaming API, a
 * firehose). The stream only brings posts sooner: coverage still comes from {@link #poll}, which
 * the runtime keeps calling on the source's schedule and at once after a dropped stream, so the
 * posts written while the stream was down are fetched from the cursor and nothing is lost.
 */
public interface StreamingSource extends Source {

  /**
   * Reads the stream until it ends, handing its posts to the sink as they come.
   *
   * @throws SourceFailure when the stream cannot be opened or breaks
   * @throws InterruptedException when the runtime stops
   */
  void stream(Consumer<Batch> sink) throws SourceFailure, InterruptedException;
}
