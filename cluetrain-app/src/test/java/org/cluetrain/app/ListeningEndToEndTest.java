package org.cluetrain.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cluetrain.app.ingest.FileImporter;
import org.cluetrain.app.ingest.FileReport;
import org.cluetrain.app.storage.StorageConfig;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.formats.Formats;
import org.cluetrain.jdbc.TestDatabase;
import org.cluetrain.jdbc.TestPostgres;
import org.cluetrain.query.SavedQuery;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.StoredPost;
import org.cluetrain.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole embedded pipeline, as {@code import} and {@code serve} run it. */
class ListeningEndToEndTest {
  static final Path EXAMPLE_WORKSPACE = Path.of("../examples/workspace.yaml");

  @TempDir Path data;

  @Test
  void theExampleWorkspaceImportsMatchesAndFindsAgain() throws Exception {
    importMatchAndFind(WorkspaceReader.read(EXAMPLE_WORKSPACE));
  }

  @Test
  void theExampleWorkspaceImportsMatchesAndFindsAgainOnPostgresql() throws Exception {
    importMatchAndFind(onPostgresql(WorkspaceReader.read(EXAMPLE_WORKSPACE)));
  }

  /** The same workspace with its relational data in a fresh database of the test server. */
  static Workspace onPostgresql(Workspace workspace) {
    return workspace.withStorage(
        StorageConfig.postgresql(
            TestDatabase.postgres().url(), TestPostgres.USER, TestPostgres.PASSWORD));
  }

  private void importMatchAndFind(Workspace workspace) throws Exception {
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      assertThat(runtime.queryProblems()).isEmpty();
      new FileImporter(runtime.pipeline(), Formats.standard())
          .importWorkspace(
              workspace,
              (project, report) -> {
                assertThat(report.unusable()).isNull();
                assertThat(report.problems()).isEmpty();
                assertThat(report.stored()).isPositive();
              });
      // the German blog thread: post, comments, replies and a pingback, with languages
      List<StoredPost> thread =
          runtime
              .store()
              .search(new SearchRequest("kind:pingback", "bahn", null, null, 10))
              .posts();
      assertThat(thread).hasSize(1);
      String threadId = thread.get(0).post().threadId();
      assertThat(runtime.store().thread(threadId, 100)).hasSizeGreaterThanOrEqualTo(9);
      assertThat(runtime.rollups().stats("bahn").byLanguage()).containsKey("de");
      assertThat(runtime.rollups().stats("bahn").duplicates()).isPositive(); // the spam pair

      assertSearchFindsWhatMatchingFound(runtime, workspace);
      assertThat(runtime.rollups().stats("bahn").byQuery())
          .containsKeys("bahn/marke", "bahn/flixbus");
      assertThat(runtime.rollups().stats("airlines").byQuery()).containsKey("airlines/lufthansa");
    }
  }

  @Test
  void importingTheSameFilesTwiceAddsNothing() throws Exception {
    importTheSameFilesTwice(WorkspaceReader.read(EXAMPLE_WORKSPACE));
  }

  @Test
  void importingTheSameFilesTwiceAddsNothingOnPostgresql() throws Exception {
    importTheSameFilesTwice(onPostgresql(WorkspaceReader.read(EXAMPLE_WORKSPACE)));
  }

  private void importTheSameFilesTwice(Workspace workspace) throws Exception {
    List<Path> files =
        List.of(
            SharedData.path("fixtures/exports/wordpress-wxr/e2e-fixtures/wxr-comprehensive.xml"),
            SharedData.path("fixtures/exports/x-archive/tweets.js"),
            SharedData.path("fixtures/feeds/real-captured/input/heise.atom"));
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      FileImporter importer = new FileImporter(runtime.pipeline(), Formats.standard());
      int first = 0;
      for (Path file : files) {
        first += importer.importFile(file, "bahn", "auto").stored();
      }
      long stored = runtime.store().count();
      assertThat(first).isPositive();
      assertThat(stored).isEqualTo(runtime.rollups().stats(null).posts());
      for (Path file : files) {
        FileReport again = importer.importFile(file, "bahn", "auto");
        assertThat(again.stored()).isZero();
        assertThat(again.alreadyKnown()).isEqualTo(again.read());
      }
      assertThat(runtime.store().count()).isEqualTo(stored);
    }
    // and after reopening the data directory
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      FileImporter importer = new FileImporter(runtime.pipeline(), Formats.standard());
      assertThat(importer.importFile(files.get(1), "bahn", "auto").stored()).isZero();
    }
  }

  /** Every fixture folder imports through the whole pipeline (per-item problems allowed). */
  @Test
  void everyFixtureFolderImports() throws IOException {
    Path fixtures = SharedData.path("fixtures");
    List<String> folders =
        List.of(
            "feeds/rome/rome/src/test/data",
            "feeds/real-captured/input",
            "exports/wordpress-wxr/e2e-fixtures",
            "exports/disqus/tl3shi-blog-export",
            "exports/x-archive",
            "api/mastodon-activitypub/mastodon-docs-api-examples",
            "api/reddit/TestSubredditStreams.test_comments",
            "api/twitter/v2",
            "web-pages/cache");
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, Workspace.empty(List.of()))) {
      FileImporter importer = new FileImporter(runtime.pipeline(), Formats.standard());
      for (String folder : folders) {
        int stored = 0;
        try (Stream<Path> files = Files.list(fixtures.resolve(folder))) {
          for (Path file : files.filter(ListeningEndToEndTest::isData).sorted().toList()) {
            stored += importer.importFile(file, null, "auto").stored();
          }
        }
        assertThat(stored).as(folder).isPositive();
      }
    }
  }

  private static boolean isData(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file)
        && !name.startsWith("LICENSE")
        && !name.equals("SOURCE.txt")
        && !name.equals("README.txt")
        && !name.equals("license.txt")
        && !name.equals("manifest.js");
  }

  private static void assertSearchFindsWhatMatchingFound(
      EmbeddedRuntime runtime, Workspace workspace) throws Exception {
    for (SavedQuery query : workspace.queries()) {
      Set<String> matched =
          runtime
              .store()
              .search(new SearchRequest("", query.project(), null, null, SearchRequest.MAX_LIMIT))
              .posts()
              .stream()
              .filter(p -> p.matchedQueries().contains(query.id()))
              .map(p -> p.post().id())
              .collect(Collectors.toCollection(TreeSet::new));
      Set<String> found =
          runtime
              .store()
              .search(
                  new SearchRequest(
                      query.text(), query.project(), null, null, SearchRequest.MAX_LIMIT))
              .posts()
              .stream()
              .map(p -> p.post().id())
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(found).as(query.id()).isEqualTo(matched);
    }
  }
}
