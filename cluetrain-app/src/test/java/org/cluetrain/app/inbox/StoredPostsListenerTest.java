package org.cluetrain.app.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cluetrain.jdbc.SqliteStorage;
import org.cluetrain.lucene.LucenePostStore;
import org.cluetrain.lucene.MonitorQueryMatcher;
import org.cluetrain.model.Post;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.cluetrain.pipeline.BatchOutcome;
import org.cluetrain.pipeline.ListeningPipeline;
import org.cluetrain.pipeline.StoredPostsListener;
import org.cluetrain.store.StoredPost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline's listeners see what was stored, and one that fails does not undo the batch. */
class StoredPostsListenerTest {
  @TempDir Path data;

  static Post post(String id) {
    return Post.builder()
        .id(id)
        .source(new SourceRef("feed:https://blog.example/feed", SourceType.FEED, "Blog", null))
        .text("Die Bahn hat schon wieder Verspätung")
        .published(Instant.parse("2026-11-16T09:00:00Z"))
        .project("bahn")
        .build();
  }

  static StoredPostsListener listener(String name, List<String> seen, boolean fail) {
    return new StoredPostsListener() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void stored(List<StoredPost> posts) {
        posts.forEach(p -> seen.add(name + ":" + p.post().id()));
        if (fail) {
          throw new IllegalStateException("the disk is full");
        }
      }
    };
  }

  @Test
  void aFailingListenerIsReportedPerPostAndTheOthersStillHear() {
    List<String> seen = new ArrayList<>();
    try (LucenePostStore store = new LucenePostStore(data.resolve("index"));
        SqliteStorage relational = SqliteStorage.open(data.resolve("ledger.db"));
        MonitorQueryMatcher matcher = new MonitorQueryMatcher()) {
      ListeningPipeline pipeline =
          new ListeningPipeline(
              List.of(),
              matcher,
              store,
              relational.postLedger(),
              List.of(listener("inbox", seen, true), listener("alerts", seen, false)));
      BatchOutcome outcome = pipeline.process(List.of(post("a"), post("b")));
      assertThat(outcome.stored()).isEqualTo(2);
      assertThat(outcome.failures())
          .extracting(BatchOutcome.PostFailure::toString)
          .containsExactly("post a: inbox: the disk is full", "post b: inbox: the disk is full");
      assertThat(seen).containsExactly("inbox:a", "inbox:b", "alerts:a", "alerts:b");
      assertThat(store.get("a")).isPresent();
      // known posts are not stored again, so listeners hear nothing of them
      seen.clear();
      assertThat(pipeline.process(List.of(post("a"))).alreadyKnown()).isEqualTo(1);
      assertThat(seen).isEmpty();
    }
  }
}
