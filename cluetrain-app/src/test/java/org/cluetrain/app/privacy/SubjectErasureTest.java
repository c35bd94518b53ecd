package org.cluetrain.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.ingest.FileImporter;
import org.cluetrain.app.ingest.FileReport;
import org.cluetrain.app.storage.StorageConfig;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.formats.Formats;
import org.cluetrain.inbox.InboxItem;
import org.cluetrain.jdbc.TestDatabase;
import org.cluetrain.jdbc.TestPostgres;
import org.cluetrain.privacy.KeyedHash;
import org.cluetrain.store.SearchRequest;
import org.cluetrain.store.StoredPost;
import org.cluetrain.testkit.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key test of erasure: a real export of YouTube comments (605 comments, one author with 31 of
 * them) imported, the inbox and the analysts' labels touching that author, the author erased; then
 * every file of the data directory is searched byte by byte, and every store through its API, for
 * the author's name: nothing remains. Importing the same file again keeps the author out.
 */
class SubjectErasureTest {
  private static final String COMMENTS = "streams/youtube-comments-2008-2013/-4nsZA9Gh6k.csv";
  private static final String NAME = "jose Tecnofanatico";

  @TempDir Path data;
  @TempDir Path config;

  @Test
  void anErasedAuthorIsGoneFromEveryStoreAndEveryFileAndStaysOut() throws Exception {
    eraseAndCheck(workspace("remove"), true);
  }

  @Test
  void anErasedAuthorIsGoneFromEveryStoreAndStaysOutOnPostgresql() throws Exception {
    Workspace workspace =
        workspace("remove")
            .withStorage(
                StorageConfig.postgresql(
                    TestDatabase.postgres().url(), TestPostgres.USER, TestPostgres.PASSWORD));
    // the relational data is in the server's files, not the data directory: the index's files are
    // searched byte by byte, the database through every store's API
    eraseAndCheck(workspace, false);
  }

  private void eraseAndCheck(Workspace workspace, boolean relationalInDataDirectory)
      throws Exception {
    Path comments = SharedData.path(COMMENTS);
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      FileImporter importer = new FileImporter(runtime.pipeline(), Formats.standard());
      FileReport first = importer.importFile(comments, "yt", "auto");
      assertThat(first.unusable()).isNull();
      assertThat(first.stored()).isGreaterThan(500);
      long before = runtime.rollups().stats("yt").posts();

      List<StoredPost> theirs = runtime.store().byAuthor(NAME, 100);
      assertThat(theirs).hasSize(31);
      // the inbox, a note, a saved reply and an analyst's verdict about them
      InboxItem item = runtime.inbox().create("yt", theirs.get(0).post().id(), "agent").item();
      runtime.inbox().note(item.id(), "Rückfrage an " + NAME + " per Mail", "agent");
      runtime.inbox().saveReply("yt", "an jose", "Hallo " + NAME + ", danke!", "agent");
      runtime
          .relevanceLabels()
          .saveRelevanceLabel("yt", theirs.get(1).post().id(), true, Instant.now());

      SubjectReport found = runtime.privacy().find(NAME);
      assertThat(found.posts()).hasSize(31);
      assertThat(found.ledgerPosts()).hasSize(31);
      assertThat(found.inboxItems()).hasSize(1);
      assertThat(found.inboxNotes()).hasSize(1);
      assertThat(found.savedReplies()).hasSize(1);
      assertThat(found.relevanceLabels()).isEqualTo(1);
      assertThat(found.suppressed()).isFalse();
      // the scan below can fail: before erasure it finds the name in the index's files (and, when
      // the database is embedded, in its file)
      assertThat(filesNaming(NAME)).anyMatch(file -> file.startsWith("index"));
      if (relationalInDataDirectory) {
        // the database file or its write-ahead log, which erasure must empty too
        assertThat(filesNaming(NAME)).anyMatch(file -> file.toString().startsWith("ledger.db"));
      }

      ErasureReport erased = runtime.privacy().erase(NAME, "admin");
      assertThat(erased.erased())
          .containsEntry("posts_removed", 31)
          .containsEntry("ledger_posts", 31)
          .containsEntry("inbox_items", 1)
          .containsEntry("relevance_labels", 1)
          .containsEntry("authors_suppressed", 1);

      // every store, through its API
      assertThat(runtime.store().byAuthor(NAME, 100)).isEmpty();
      assertThat(runtime.store().search(SearchRequest.of("tecnofanatico")).totalHits()).isZero();
      assertThat(runtime.rollups().stats("yt").posts()).isEqualTo(before - 31);
      assertThat(runtime.store().count()).isEqualTo(before - 31);
      assertThat(runtime.rollups().authors("yt", 100_000))
          .noneMatch(
              a -> a.name().equalsIgnoreCase(NAME) || a.authorId().contains("Tecnofanatico"));
      assertThat(runtime.rollups().threads("yt", 100_000))
          .noneMatch(t -> t.title().toLowerCase(Locale.ROOT).contains("tecnofanatico"));
      assertThat(runtime.inbox().replies("yt"))
          .extracting(r -> r.text())
          .containsExactly("Hallo [erased], danke!");
      assertThat(runtime.inbox().log(item.id())).isEmpty();
      SubjectReport after = runtime.privacy().find(NAME);
      assertThat(after.isEmpty()).isTrue();
      // and every file of the data directory, byte by byte
      assertThat(filesNaming(NAME)).isEmpty();

      // the same export again: the author stays out, counted as suppressed
      FileReport again = importer.importFile(comments, "yt", "auto");
      assertThat(again.suppressed()).isEqualTo(31);
      assertThat(again.stored()).isZero();
      assertThat(runtime.store().byAuthor(NAME, 100)).isEmpty();
      assertThat(runtime.rollups().stats("yt").posts()).isEqualTo(before - 31);
      assertThat(filesNaming(NAME)).isEmpty();
    }
    // after a restart too
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      FileReport third =
          new FileImporter(runtime.pipeline(), Formats.standard())
              .importFile(comments, "yt", "auto");
      assertThat(third.suppressed()).isEqualTo(31);
      assertThat(runtime.privacy().find(NAME).isEmpty()).isTrue();
    }
  }

  /** The files of the data directory whose bytes hold the text, in any case of ASCII letters. */
  private List<Path> filesNaming(String text) throws IOException {
    String wanted =
        new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    List<Path> naming = new ArrayList<>();
    try (Stream<Path> files = Files.walk(data)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (file.getFileName().toString().equals(KeyedHash.SECRET_FILE)
            || file.getFileName().toString().equals("cluetrain.lock")) {
          continue;
        }
        String bytes =
            new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        if (bytes.contains(wanted)) {
          naming.add(data.relativize(file));
        }
      }
    }
    return naming;
  }

  private Workspace workspace(String erasure) throws Exception {
    Path file = config.resolve("workspace.yaml");
    Files.writeString(
        file,
        """
        languages: [en, es]
        projects:
          - name: yt
            queries:
              - name: ipad
                query: ipad OR "ipad mini"
            privacy:
              erasure: %s
        """
            .formatted(erasure));
    return WorkspaceReader.read(file);
  }
}
