package org.cluetrain.lucene;

import java.nio.file.Path;
import org.cluetrain.store.PostStore;
import org.cluetrain.testkit.PostStoreCompatibilityKit;

class LucenePostStoreCompatibilityTest extends PostStoreCompatibilityKit {
  @Override
  protected PostStore newStore(Path directory) {
    return new LucenePostStore(directory);
  }
}
