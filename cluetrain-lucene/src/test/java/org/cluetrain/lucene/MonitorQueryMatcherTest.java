package org.cluetrain.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cluetrain.match.QueryMatcher.MatchBatch;
import org.cluetrain.match.QueryMatcher.QueryProblem;
import org.cluetrain.model.Post;
import org.cluetrain.query.SavedQuery;
import org.cluetrain.testkit.SamplePosts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MonitorQueryMatcherTest {
  private final MonitorQueryMatcher matcher = new MonitorQueryMatcher();

  @AfterEach
  void close() {
    matcher.close();
  }

  private static Post post(String id, String text, String project) {
    return SamplePosts.forumComment(id, text).project(project).build();
  }

  @Test
  void aLargeBatchSplitOverTheCoresMatchesExactlyAsPostByPost() {
    matcher.replaceQueries(
        List.of(
            SavedQuery.of("p", "bahn", "bahn OR zug*"),
            SavedQuery.of("p", "late", "(bahn OR ice) NEAR/3 verspätung"),
            SavedQuery.of("q", "flight", "flight* AND NOT avgeek")));
    String[] texts = {
      "Die Bahn hat wieder Verspätung", "Der ICE mit großer Verspätung", "Zugausfall in Köln",
      "My flight was delayed", "Flights to Munich #avgeek avgeek", "Nichts Besonderes heute"
    };
    List<Post> posts = new java.util.ArrayList<>();
    for (int i = 0; i < 1_203; i++) {
      posts.add(post("p" + i, texts[i % texts.length] + " " + i, i % 7 == 0 ? "q" : "p"));
    }
    List<List<String>> together = matcher.match(posts).matches();
    assertThat(together).hasSize(posts.size());
    for (int i = 0; i < posts.size(); i += 97) {
      assertThat(together.get(i))
          .as("post %d", i)
          .isEqualTo(matcher.match(List.of(posts.get(i))).matches().get(0));
    }
    assertThat(together.get(6)).containsExactly("p/bahn", "p/late");
    assertThat(together.get(7)).isEmpty(); // project q has no query about trains
    assertThat(together.get(21)).containsExactly("q/flight");
    assertThat(together.get(1_202)).containsExactly("p/bahn"); // the last chunk's last post
  }

  @Test
  void aBadQueryAmongGoodOnesIsReportedAndTheOthersStillMatch() {
    List<QueryProblem> problems =
        matcher.replaceQueries(
            List.of(
                SavedQuery.of("p", "bahn", "bahn"),
                SavedQuery.of("p", "broken", "bahn (streik"),
                SavedQuery.of("p", "only-not", "-bahn"),
                SavedQuery.of("p", "streik", "streik*")));

    assertThat(problems)
        .containsExactly(
            new QueryProblem(
                "p/broken", "at 13: expected ')' to close '(' at 6, found end of query"),
            new QueryProblem(
                "p/only-not",
                "at 1: a query needs at least one positive term; NOT and '-' only exclude"));
    MatchBatch batch = matcher.match(List.of(post("1", "Bahn streikt", "p")));
    assertThat(batch.matches()).containsExactly(List.of("p/bahn", "p/streik"));
    assertThat(batch.problems()).isEmpty();
  }

  @Test
  void postsMatchOnlyTheirProjectsQueriesAndPostsWithoutProjectMatchAll() {
    matcher.replaceQueries(
        List.of(SavedQuery.of("bahn-project", "q", "bahn"), SavedQuery.of("other", "q", "bahn")));

    MatchBatch batch =
        matcher.match(
            List.of(
                post("1", "die Bahn", "bahn-project"),
                post("2", "die Bahn", null),
                post("3", "kein Treffer", "other"),
                post("4", "die Bahn", "third")));

    assertThat(batch.matches())
        .containsExactly(
            List.of("bahn-project/q"), List.of("bahn-project/q", "other/q"), List.of(), List.of());
  }

  @Test
  void replacingQueriesDropsTheOldOnes() {
    matcher.replaceQueries(List.of(SavedQuery.of("p", "old", "bahn")));
    matcher.replaceQueries(List.of(SavedQuery.of("p", "new", "zug")));

    assertThat(matcher.match(List.of(post("1", "Bahn und Zug", "p"))).matches())
        .containsExactly(List.of("p/new"));
  }

  @Test
  void anEmptyBatchMatchesNothing() {
    assertThat(matcher.match(List.of())).isEqualTo(new MatchBatch(List.of(), List.of()));
  }

  @Test
  void concurrentBatchesWhileQueriesAreReplaced() throws Exception {
    matcher.replaceQueries(List.of(SavedQuery.of("p", "bahn", "bahn")));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<MatchBatch>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        results.add(pool.submit(() -> matcher.match(List.of(post("x", "die Bahn", "p")))));
        if (i % 10 == 0) {
          matcher.replaceQueries(List.of(SavedQuery.of("p", "bahn", "bahn")));
        }
      }
      for (Future<MatchBatch> result : results) {
        assertThat(result.get().matches()).containsExactly(List.of("p/bahn"));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
