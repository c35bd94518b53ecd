package org.cluetrain.lucene.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cluetrain.match.QueryMatcher.MatchBatch;
import org.cluetrain.match.QueryMatcher.QueryProblem;
import org.cluetrain.model.Author;
import org.cluetrain.model.Post;
import org.cluetrain.model.PostKind;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.cluetrain.query.QueryParser;
import org.cluetrain.query.SavedQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The contract of {@code QueryMatcher}, as {@code MonitorQueryMatcherTest} checks it. */
class StreamQueryMatcherTest {
  private final StreamQueryMatcher matcher = new StreamQueryMatcher();

  @AfterEach
  void close() {
    matcher.close();
  }

  private static Post post(String id, String text, String project) {
    return Post.builder()
        .id(id)
        .source(
            new SourceRef(
                "forum:heise", SourceType.FORUM, "Heise Forum", "https://forum.heise.de/"))
        .threadId("thread-1")
        .kind(PostKind.COMMENT)
        .author(new Author("forum:hmueller", "Hans Müller", "hmueller", null))
        .url("https://forum.heise.de/thread/1#" + id)
        .text(text)
        .published(Instant.parse("2024-03-01T08:00:00Z"))
        .hashtags(List.of("bahnstreik"))
        .lang("de")
        .project(project)
        .build();
  }

  @Test
  void matchesOnlyTheQueriesOfThePostsProjectAndSortsTheIds() {
    matcher.replaceQueries(
        List.of(
            SavedQuery.of("p", "z", "bahn"),
            SavedQuery.of("p", "a", "verspätung AND site:heise.de"),
            SavedQuery.of("q", "other", "bahn")));
    MatchBatch batch =
        matcher.match(
            List.of(
                post("1", "Die Bahn hat Verspaetung", "p"),
                post("2", "Die Bahn hat Verspaetung", null),
                post("3", "nichts", "p")));
    assertThat(batch.matches())
        .containsExactly(List.of("p/a", "p/z"), List.of("p/a", "p/z", "q/other"), List.of());
    assertThat(batch.problems()).isEmpty();
  }

  @Test
  void reportsQueriesThatDoNotCompileAndDuplicateIdsAndRegistersTheRest() {
    List<QueryProblem> problems =
        matcher.replaceQueries(
            List.of(
                SavedQuery.of("p", "broken", "bahn AND ("),
                SavedQuery.of("p", "empty", "\"…\""),
                SavedQuery.of("p", "ok", "bahn"),
                SavedQuery.of("p", "ok", "zug")));
    assertThat(problems)
        .extracting(QueryProblem::queryId)
        .containsExactly("p/broken", "p/empty", "p/ok");
    assertThat(problems.get(2).problem()).contains("more than once");
    assertThat(matcher.match(List.of(post("1", "bahn", "p"))).matches())
        .containsExactly(List.of("p/ok"));
  }

  @Test
  void saysWhichQueriesRunOnEveryPost() throws Exception {
    matcher.replaceQueries(
        List.of(
            SavedQuery.of("p", "not", "zug OR (ice NOT bahn) OR NOT streik"),
            SavedQuery.of("p", "or", "bahn OR -zug"),
            SavedQuery.of("p", "and", "bahn -zug"),
            SavedQuery.of("p", "near", "(bahn* OR zug) NEAR/3 streik")));
    assertThat(matcher.alwaysRunQueries()).containsExactlyInAnyOrder("p/not", "p/or");
    assertThat(StreamQueryMatcher.runsOnEveryPost(QueryParser.parse("bahn OR NOT zug"))).isTrue();
    assertThat(StreamQueryMatcher.runsOnEveryPost(QueryParser.parse("lang:de -zug"))).isFalse();
    assertThat(matcher.match(List.of(post("1", "Zug", "p"))).matches())
        .containsExactly(List.of("p/not"));
    assertThat(matcher.match(List.of(post("1", "Streik", "p"))).matches())
        .containsExactly(List.of("p/or"));
  }

  @Test
  void replacingTheQueriesWhileMatchingSwapsTheWholeSet() throws Exception {
    List<SavedQuery> first = new ArrayList<>();
    List<SavedQuery> second = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      first.add(SavedQuery.of("p", "a" + i, "bahn"));
      second.add(SavedQuery.of("p", "b" + i, "bahn"));
    }
    matcher.replaceQueries(first);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> swapping =
          pool.submit(
              () -> {
                for (int i = 0; i < 200; i++) {
                  matcher.replaceQueries(i % 2 == 0 ? second : first);
                }
              });
      Future<?> matching =
          pool.submit(
              () -> {
                for (int i = 0; i < 500; i++) {
                  List<String> ids =
                      matcher.match(List.of(post("1", "bahn", "p"))).matches().get(0);
                  assertThat(ids).hasSize(200);
                  assertThat(ids.stream().map(id -> id.charAt(2)).distinct()).hasSize(1);
                }
              });
      swapping.get();
      matching.get();
    } finally {
      pool.shutdownNow();
    }
  }
}
