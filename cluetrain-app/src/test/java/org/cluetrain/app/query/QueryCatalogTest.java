package org.cluetrain.app.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.model.Post;
import org.cluetrain.model.SourceRef;
import org.cluetrain.model.SourceType;
import org.cluetrain.query.QuerySyntaxException;
import org.cluetrain.query.SavedQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queries saved in the web interface, beside the workspace file's. */
class QueryCatalogTest {
  static final Path EXAMPLE_WORKSPACE = Path.of("../examples/workspace.yaml");
  static final SourceRef FORUM = new SourceRef("forum:test", SourceType.FORUM, "Testforum", null);
  static final Instant DAY = Instant.parse("2026-11-18T10:00:00Z");

  @TempDir Path data;
  Workspace workspace;

  @BeforeEach
  void readWorkspace() throws Exception {
    workspace = WorkspaceReader.read(EXAMPLE_WORKSPACE);
  }

  static Post post(String id, String text, Instant published) {
    return Post.builder()
        .id(id)
        .source(FORUM)
        .text(text)
        .published(published)
        .project("bahn")
        .build();
  }

  static SavedQuery query(String name, String text, List<String> mustMatch) {
    return new SavedQuery("bahn", name, text, SavedQuery.Role.LISTEN, mustMatch, List.of());
  }

  static List<String> matched(EmbeddedRuntime runtime, String postId) {
    return runtime.store().get(postId).orElseThrow().matchedQueries();
  }

  @Test
  void aSavedQueryMatchesTheNextPostAtOnceAndSurvivesARestart() throws Exception {
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      QueryCatalog.Entry saved =
          runtime.queries().save(query("streik", "streik*", List.of("Ab Montag Streik")), "ana");
      assertThat(saved.origin()).isEqualTo(QueryCatalog.Origin.EDITED);
      assertThat(saved.editedBy()).isEqualTo("ana");

      runtime.pipeline().process(List.of(post("p1", "Ab Montag Streik bei der Bahn", DAY)));
      assertThat(matched(runtime, "p1")).contains("bahn/streik");
      assertThat(runtime.rollups().stats("bahn").byQuery()).containsEntry("bahn/streik", 1L);
      assertThat(runtime.queryLedger().queries())
          .extracting(SavedQuery::id)
          .contains("bahn/streik");
    }
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      assertThat(runtime.queries().find("bahn", "streik"))
          .get()
          .extracting(QueryCatalog.Entry::origin)
          .isEqualTo(QueryCatalog.Origin.EDITED);
      runtime.pipeline().process(List.of(post("p2", "Der Streik ist vorbei", DAY)));
      assertThat(matched(runtime, "p2")).contains("bahn/streik");
    }
  }

  @Test
  void aQueryWithAWorkspaceQuerysNameReplacesItUntilDeleted() throws Exception {
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      runtime.queries().save(query("marke", "fernverkehr", List.of()), "ana");
      runtime
          .pipeline()
          .process(
              List.of(
                  post("old", "Die Deutsche Bahn hat Verspätung", DAY),
                  post("new", "Im Fernverkehr fällt heute viel aus", DAY)));
      assertThat(matched(runtime, "old")).doesNotContain("bahn/marke");
      assertThat(matched(runtime, "new")).contains("bahn/marke");
      assertThat(runtime.queries().entries("bahn"))
          .filteredOn(e -> e.query().name().equals("marke"))
          .singleElement()
          .extracting(QueryCatalog.Entry::origin)
          .isEqualTo(QueryCatalog.Origin.EDITED_OVER_WORKSPACE);
    }
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      assertThat(runtime.queries().find("bahn", "marke").orElseThrow().query().text())
          .isEqualTo("fernverkehr");
      assertThat(runtime.queries().delete("bahn", "marke"))
          .get()
          .extracting(SavedQuery::text)
          .asString()
          .contains("\"deutsche bahn\"");
      assertThat(runtime.queries().find("bahn", "marke").orElseThrow().origin())
          .isEqualTo(QueryCatalog.Origin.WORKSPACE);
      runtime.pipeline().process(List.of(post("again", "Die Deutsche Bahn hat Verspätung", DAY)));
      assertThat(matched(runtime, "again")).contains("bahn/marke");
    }
  }

  @Test
  void theWorkspacesOwnQueriesCannotBeDeletedHere() throws Exception {
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      assertThatThrownBy(() -> runtime.queries().delete("bahn", "marke"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "the query 'marke' is defined in the workspace file; remove it there (it would come"
                  + " back with the next start)");
    }
  }

  @Nested
  class Refused {
    @Test
    void aFailingExampleRefusesTheSaveAndNamesTheExample() throws Exception {
      try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
        SavedQuery query =
            new SavedQuery(
                "bahn",
                "streik",
                "streik*",
                SavedQuery.Role.LISTEN,
                List.of("Ab Montag Streik", "Die Lokführer legen die Arbeit nieder"),
                List.of("Kein Streik in Sicht"));
        assertThatThrownBy(() -> runtime.queries().save(query, "ana"))
            .isInstanceOfSatisfying(
                QueryCatalog.RefusedQuery.class,
                refused ->
                    assertThat(refused.check().failures())
                        .extracting(
                            QueryExamples.Failure::example, QueryExamples.Failure::shouldMatch)
                        .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                "Die Lokführer legen die Arbeit nieder", true),
                            org.assertj.core.groups.Tuple.tuple("Kein Streik in Sicht", false)));
        assertThat(runtime.queries().find("bahn", "streik")).isEmpty();
      }
    }

    @Test
    void aQueryThatDoesNotParseIsRefusedWithThePosition() throws Exception {
      try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
        assertThatThrownBy(
                () -> runtime.queries().save(query("kaputt", "a (b OR c d e", List.of()), "ana"))
            .isInstanceOfSatisfying(
                QueryCatalog.RefusedQuery.class,
                refused -> {
                  assertThat(refused.check().syntaxError().position()).isEqualTo(14);
                  assertThat(refused)
                      .hasMessage(
                          "the query does not parse: at 14: expected ')' to close '(' at 3, found"
                              + " end of query");
                });
      }
    }

    @Test
    void aQueryOfAnUnknownProjectIsRefused() throws Exception {
      try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
        assertThatThrownBy(
                () -> runtime.queries().save(SavedQuery.of("nirgends", "x", "bahn"), "ana"))
            .hasMessage("there is no project 'nirgends'");
      }
    }
  }

  @Test
  void applyingToHistoryCountsEveryStoredPostOnceAndFollowsAChange() throws Exception {
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      runtime
          .pipeline()
          .process(
              List.of(
                  post("a", "Streik bei der Bahn", DAY),
                  post("b", "Warnstreik im Nahverkehr", DAY.plusSeconds(7200)),
                  post("c", "Alles pünktlich heute", DAY)));
      runtime.queries().save(query("streik", "streik", List.of()), "ana");
      assertThat(runtime.rollups().stats("bahn").byQuery()).doesNotContainKey("bahn/streik");

      assertThat(runtime.queries().applyToHistory("bahn", "streik")).isEqualTo(1);
      assertThat(runtime.queries().applyToHistory("bahn", "streik")).isEqualTo(1);
      assertThat(runtime.rollups().stats("bahn").byQuery()).containsEntry("bahn/streik", 1L);

      runtime.queries().save(query("streik", "streik OR warnstreik", List.of()), "ana");
      assertThat(runtime.queries().applyToHistory("bahn", "streik")).isEqualTo(2);
      assertThat(runtime.rollups().stats("bahn").byQuery()).containsEntry("bahn/streik", 2L);
      assertThat(
              runtime.rollups().hourlyCounts("bahn/streik", null, null).stream()
                  .mapToLong(h -> h.posts())
                  .sum())
          .isEqualTo(2);

      runtime.queries().delete("bahn", "streik");
      assertThat(runtime.rollups().stats("bahn").byQuery()).doesNotContainKey("bahn/streik");
    }
  }

  @Test
  void historyLongerThanOneStepIsAppliedCompletely() throws Exception {
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      int posts = QueryCatalog.HISTORY_PAGE * 2 + 17;
      List<Post> batch = new java.util.ArrayList<>();
      for (int i = 0; i < posts; i++) {
        // every third pair shares its moment, so steps end inside a group of equal times
        batch.add(post("h" + i, "Stellwerk Störung " + i, DAY.plusSeconds(i / 3)));
      }
      runtime.pipeline().process(batch);
      runtime.queries().save(query("stellwerk", "stellwerk", List.of()), "ana");
      assertThat(runtime.queries().applyToHistory("bahn", "stellwerk")).isEqualTo(posts);
      assertThat(runtime.rollups().stats("bahn").byQuery())
          .containsEntry("bahn/stellwerk", (long) posts);
    }
  }

  @Test
  void thePreviewCountsByDayAndShowsTheNewest() throws Exception {
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      runtime
          .pipeline()
          .process(
              List.of(
                  post("a", "Streik bei der Bahn", DAY),
                  post("b", "Wieder Streik", DAY.plusSeconds(86_400)),
                  post("c", "Noch ein Streik", DAY.plusSeconds(86_400 + 60)),
                  post("old", "Streik vor langer Zeit", DAY.minusSeconds(86_400L * 90)),
                  post("d", "Alles gut", DAY)));
      QueryPreview.Result result =
          new QueryPreview(runtime.store())
              .preview("bahn", "streik", ZoneOffset.UTC, DAY.plusSeconds(86_400 * 2), 30, 2);
      assertThat(result.total()).isEqualTo(4);
      assertThat(result.perDay()).hasSize(30);
      assertThat(result.perDay())
          .containsEntry(LocalDate.parse("2026-11-18"), 1L)
          .containsEntry(LocalDate.parse("2026-11-19"), 2L)
          .containsEntry(LocalDate.parse("2026-11-20"), 0L);
      assertThat(result.perDay().keySet()).last().isEqualTo(LocalDate.parse("2026-11-20"));
      assertThat(result.newest()).extracting(p -> p.post().id()).containsExactly("c", "b");

      assertThatThrownBy(
              () ->
                  new QueryPreview(runtime.store())
                      .preview("bahn", "zug ba*", ZoneOffset.UTC, DAY, 30, 2))
          .isInstanceOfSatisfying(
              QuerySyntaxException.class, e -> assertThat(e.position()).isEqualTo(5));
    }
  }
}
