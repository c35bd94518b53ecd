package org.cluetrain.pipeline;

import java.util.List;
import org.cluetrain.store.StoredPost;

/**
 * Told about a batch's posts once they are durable in the store and recorded in the ledger, e.g. to
 * make inbox items of them. A listener that fails does not undo the batch: its failure is reported
 * in the batch's outcome, per post.
 */
public interface StoredPostsListener {
  /** A short name for the outcome's failures, e.g. {@code inbox}. */
  String name();

  /** Handles the stored posts; may see a post again after a crash and must be idempotent. */
  void stored(List<StoredPost> posts);
}
