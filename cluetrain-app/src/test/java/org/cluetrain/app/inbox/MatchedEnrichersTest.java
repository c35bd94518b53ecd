package org.cluetrain.app.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cluetrain.enrich.Enricher;
import org.cluetrain.jdbc.JdbcStorage;
import org.cluetrain.lucene.LucenePostStore;
import org.cluetrain.lucene.MonitorQueryMatcher;
import org.cluetrain.model.Label;
import org.cluetrain.model.Post;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.cluetrain.pipeline.BatchOutcome;
import org.cluetrain.pipeline.ListeningPipeline;
import org.cluetrain.query.SavedQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The expensive tier: enrichers that run only on posts that matched a query. */
class MatchedEnrichersTest {
  @TempDir Path data;

  static Post post(String id, String text) {
    return Post.builder()
        .id(id)
        .source(new SourceRef("feed:https://blog.example/feed", SourceType.FEED, "Blog", null))
        .text(text)
        .published(Instant.parse("2026-11-16T09:00:00Z"))
        .project("bahn")
        .build();
  }

  /**
   * Labels every post it sees with {@code value} under "sentiment"; if {@code fails}, fails on
   * "kaputt".
   */
  static Enricher labelling(String name, String value, boolean fails, List<String> seen) {
    return new Enricher() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Post enrich(Post post) {
        seen.add(name + ":" + post.id());
        if (fails && post.text().contains("kaputt")) {
          throw new IllegalStateException("the encoder ran out of memory");
        }
        Map<String, Label> labels = new LinkedHashMap<>(post.labels());
        labels.put("sentiment", new Label(value, 0.9, List.of()));
        return post.toBuilder().labels(labels).build();
      }
    };
  }

  @Test
  void onlyMatchedPostsReachTheExpensiveTierAndItsFailureKeepsTheCheapLabel() {
    List<String> seen = new ArrayList<>();
    try (LucenePostStore store = new LucenePostStore(data.resolve("index"));
        JdbcStorage relational = JdbcStorage.openSqlite(data.resolve("ledger.db"));
        MonitorQueryMatcher matcher = new MonitorQueryMatcher()) {
      matcher.replaceQueries(List.of(SavedQuery.of("bahn", "Bahn", "bahn")));
      ListeningPipeline pipeline =
          new ListeningPipeline(
              List.of(labelling("cheap", "neutral", false, seen)),
              List.of(labelling("expensive", "negative", true, seen)),
              matcher,
              store,
              relational.postLedger(),
              List.of());
      BatchOutcome outcome =
          pipeline.process(
              List.of(
                  post("a", "Die Bahn hat schon wieder Verspätung"),
                  post("b", "Das Wetter ist schön"),
                  post("c", "Die Bahn ist kaputt")));
      assertThat(outcome.stored()).isEqualTo(3);
      assertThat(seen)
          .containsExactly("cheap:a", "cheap:b", "cheap:c", "expensive:a", "expensive:c");
      assertThat(outcome.failures())
          .extracting(BatchOutcome.PostFailure::toString)
          .containsExactly("post c: expensive: the encoder ran out of memory");
      assertThat(store.get("a").orElseThrow().post().labels().get("sentiment").value())
          .isEqualTo("negative");
      assertThat(store.get("b").orElseThrow().post().labels().get("sentiment").value())
          .isEqualTo("neutral");
      assertThat(store.get("c").orElseThrow().post().labels().get("sentiment").value())
          .isEqualTo("neutral");
    }
  }
}
