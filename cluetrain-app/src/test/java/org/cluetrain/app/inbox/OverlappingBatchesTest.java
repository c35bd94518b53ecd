package org.cluetrain.app.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cluetrain.app.inbox.StoredPostsListenerTest.listener;
import static org.cluetrain.app.inbox.StoredPostsListenerTest.post;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cluetrain.jdbc.JdbcStorage;
import org.cluetrain.lucene.LucenePostStore;
import org.cluetrain.lucene.MonitorQueryMatcher;
import org.cluetrain.pipeline.BatchOutcome;
import org.cluetrain.pipeline.ListeningPipeline;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.store.PostStore;
import org.cluetrain.store.SearchPage;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.StoredPost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch is enriched and matched while the one before it is still being written: what is stored,
 * counted and heard is still what one batch after the other would give.
 */
class OverlappingBatchesTest {
  @TempDir Path data;

  @Test
  void aPostInTwoBatchesAtOnceIsStoredAndHeardOnceAndBatchesAreWrittenInOrder() throws Exception {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch firstWriteStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (LucenePostStore index = new LucenePostStore(data.resolve("index"));
        JdbcStorage relational = JdbcStorage.openSqlite(data.resolve("ledger.db"));
        MonitorQueryMatcher matcher = new MonitorQueryMatcher()) {
      PostStore gated = new GatedStore(index, firstWriteStarted, release);
      ListeningPipeline pipeline =
          new ListeningPipeline(
              List.of(),
              matcher,
              gated,
              relational.postLedger(),
              List.of(listener("inbox", seen, false)));

      CompletableFuture<BatchOutcome> first = pipeline.submit(List.of(post("a"), post("b")));
      assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
      // "b" is neither in the ledger nor in the index yet: only the writer has it
      CompletableFuture<BatchOutcome> second = pipeline.submit(List.of(post("b"), post("c")));
      assertThat(first).isNotDone();
      release.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS).stored()).isEqualTo(2);
      BatchOutcome later = second.get(10, TimeUnit.SECONDS);
      assertThat(later.stored()).isEqualTo(1);
      assertThat(later.alreadyKnown()).isEqualTo(1);
      assertThat(seen).containsExactly("inbox:a", "inbox:b", "inbox:c");
      assertThat(relational.rollups().stats("bahn").posts()).isEqualTo(3);

      pipeline.close();
      assertThatThrownBy(() -> pipeline.submit(List.of(post("d"))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
    }
  }

  /** The index, holding its first write until released, so a batch is caught being written. */
  private static final class GatedStore implements PostStore {
    private final PostStore index;
    private final CountDownLatch started;
    private final CountDownLatch release;

    GatedStore(PostStore index, CountDownLatch started, CountDownLatch release) {
      this.index = index;
      this.started = started;
      this.release = release;
    }

    @Override
    public void store(List<StoredPost> posts) {
      started.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      index.store(posts);
    }

    @Override
    public SearchPage search(SearchRequest request) throws QuerySyntaxException {
      return index.search(request);
    }

    @Override
    public long scan(SearchRequest request, java.util.function.Consumer<? super StoredPost> each)
        throws QuerySyntaxException {
      return index.scan(request, each);
    }

    @Override
    public Optional<StoredPost> get(String postId) {
      return index.get(postId);
    }

    @Override
    public List<StoredPost> thread(String threadId, int limit) {
      return index.thread(threadId, limit);
    }

    @Override
    public List<StoredPost> byAuthor(String author, int limit) {
      return index.byAuthor(author, limit);
    }

    @Override
    public int delete(Collection<String> postIds) {
      return index.delete(postIds);
    }

    @Override
    public void expungeDeleted() {
      index.expungeDeleted();
    }

    @Override
    public long count() {
      return index.count();
    }

    @Override
    public void close() {
      index.close();
    }
  }
}
