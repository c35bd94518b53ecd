package org.cluetrain.kafka;

import java.util.List;
import org.cluetrain.model.Post;

/**
 * What a {@link PostLogReader} hands its posts to: the pipeline, or a store. When it returns the
 * batch counts as done and its offsets are committed; when it throws nothing is committed and the
 * same records come again. It must therefore be idempotent by post id, as every store is.
 */
@FunctionalInterface
public interface PostBatchHandler {
  /**
   * Handles one batch: within a thread, posts come in the order they were written.
   *
   * @throws Exception when the batch is not done and must come again
   */
  void handle(List<Post> posts) throws Exception;
}
