package org.cluetrain.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cluetrain.enrich.entities.EntityExtractor;
import org.cluetrain.lucene.PostAnalyzer;
import org.cluetrain.lucene.stream.StreamQueryMatcher;
import org.cluetrain.model.Post;
import org.cluetrain.query.SavedQuery;
import org.junit.jupiter.api.Test;

/**
 * The firehose's correctness check, on a few posts: the baseline agrees, and a difference shows.
 */
class CorrectnessCheckTest {
  private final PostReplay replay = new PostReplay(SmallCorpus.corpus());

  @Test
  void plainMonitorAndCluetrainsMatcherFindTheSamePairs() {
    List<SavedQuery> queries =
        new java.util.ArrayList<>(
            new QuerySetGenerator(QuerySetGeneratorTest.VOCABULARY, 3).generate(300));
    queries.add(SavedQuery.of(PostReplay.PROJECT, "bahn", "(bahn OR db OR zug) lang:de"));
    queries.add(SavedQuery.of(PostReplay.PROJECT, "delay", "united NEAR/3 delay*"));
    List<Post> posts =
        replay.batch(0, 30).stream()
            .map(new EntityExtractor()::enrich)
            .map(p -> p.toBuilder().lang(p.text().contains("Bahn") ? "de" : "en").build())
            .toList();
    MatchSetCheck check = new MatchSetCheck("matcher", "monitor");
    try (MonitorBaseline monitor = new MonitorBaseline(new PostAnalyzer(), queries);
        StreamQueryMatcher matcher = new StreamQueryMatcher()) {
      assertThat(matcher.replaceQueries(queries)).isEmpty();
      assertThat(monitor.problems()).isEmpty();
      List<List<String>> byMatcher = matcher.match(posts).matches();
      List<List<String>> byMonitor = monitor.match(posts);
      for (int i = 0; i < posts.size(); i++) {
        check.compare(posts.get(i).id(), byMatcher.get(i), byMonitor.get(i));
      }
    }
    assertThat(check.identical()).as(check.summary()).isTrue();
    assertThat(check.pairs()).as("the queries match something").isGreaterThan(posts.size());
  }

  @Test
  void aMissingOrExtraMatchIsReportedWithThePost() {
    MatchSetCheck check = new MatchSetCheck("pipeline", "monitor");
    check.compare("replay:1", List.of("bench/q1", "bench/q2"), List.of("bench/q2", "bench/q1"));
    check.compare("replay:2", List.of("bench/q1"), List.of("bench/q3"));
    assertThat(check.identical()).isFalse();
    assertThat(check.summary()).startsWith("DIFFERENT").contains("1 posts differ");
    assertThat(check.examples())
        .containsExactly("replay:2: only in pipeline [bench/q1], only in monitor [bench/q3]");
  }

  @Test
  void replayGivesFreshIdsAndAdvancingTimes() {
    Post first = replay.post(0);
    Post again = replay.post(10); // the same text, ten posts later
    assertThat(again.text()).isEqualTo(first.text());
    assertThat(again.id()).isNotEqualTo(first.id());
    assertThat(again.published()).isAfter(first.published());
  }
}
