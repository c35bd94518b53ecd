package org.cluetrain.lucene;

import java.nio.file.Path;
import org.cluetrain.match.QueryMatcher;
import org.cluetrain.store.PostStore;
import org.cluetrain.testkit.SearchFindsWhatMatchingFoundContract;

/** The embedded pair: Lucene's monitor for matching, a Lucene index for search. */
class LuceneSearchFindsWhatMatchingFoundTest extends SearchFindsWhatMatchingFoundContract {
  @Override
  protected QueryMatcher newMatcher() {
    return new MonitorQueryMatcher();
  }

  @Override
  protected PostStore newStore(Path directory) {
    return new LucenePostStore(directory);
  }
}
