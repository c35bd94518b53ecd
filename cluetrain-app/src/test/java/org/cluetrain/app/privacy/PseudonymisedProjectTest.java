package org.cluetrain.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cluetrain.app.EmbeddedRuntime;
import org.cluetrain.app.ingest.FileImporter;
import org.cluetrain.app.workspace.Workspace;
import org.cluetrain.app.workspace.WorkspaceReader;
import org.cluetrain.formats.Formats;
import org.cluetrain.model.Author;
import org.cluetrain.privacy.PrivacyEvents;
import org.cluetrain.store.AuthorSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project that stores its authors under pseudonyms: analysts see stable keys, only the one reveal
 * call says who they stand for (and is reported for the audit log), and erasure makes that
 * impossible.
 */
class PseudonymisedProjectTest {
  private static final Path SAMPLE = Path.of("../examples/samples/unterwegs-mit-der-bahn.wxr.xml");

  @TempDir Path data;
  @TempDir Path config;

  @Test
  void authorsAreStoredUnderStableKeyedPseudonymsThatOnlyTheRevealCallOpens() throws Exception {
    Path file = config.resolve("workspace.yaml");
    Files.writeString(
        file,
        """
        projects:
          - name: bahn
            privacy:
              pseudonymise_authors: true
              erasure: pseudonymise
        """);
    Workspace workspace = WorkspaceReader.read(file);
    List<String> revealed = new ArrayList<>();
    String pseudonym;
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      new FileImporter(runtime.pipeline(), Formats.standard()).importFile(SAMPLE, "bahn", "auto");
      List<AuthorSummary> authors = runtime.rollups().authors("bahn", 100);
      assertThat(authors).isNotEmpty();
      assertThat(authors).allMatch(a -> a.authorId().matches("pseudonym:[0-9a-f]{16}"));
      assertThat(authors).allMatch(a -> a.name().matches("author-[0-9a-f]{8}"));
      assertThat(runtime.store().byAuthor("Martina K.", 10)).isEmpty();
      AuthorSummary martina =
          authors.stream().filter(a -> a.posts() == 3).findFirst().orElseThrow();
      pseudonym = martina.authorId();

      runtime
          .privacy()
          .reportTo(
              new PrivacyEvents() {
                @Override
                public void revealed(String actor, String which) {
                  revealed.add(actor + " " + which);
                }
              });
      Author who = runtime.privacy().reveal(pseudonym, "admin").orElseThrow();
      assertThat(who.name()).isEqualTo("Martina K.");
      assertThat(revealed).containsExactly("admin " + pseudonym);

      // a subject request finds the person behind the pseudonym
      SubjectReport found = runtime.privacy().find("Martina K.");
      assertThat(found.pseudonyms()).containsExactly(pseudonym);
      assertThat(found.posts()).hasSize(3);
    }
    // the same pseudonym after a restart and a re-import
    try (EmbeddedRuntime runtime = EmbeddedRuntime.open(data, workspace)) {
      new FileImporter(runtime.pipeline(), Formats.standard()).importFile(SAMPLE, "bahn", "auto");
      assertThat(runtime.rollups().authors("bahn", 100))
          .filteredOn(a -> a.authorId().equals(pseudonym))
          .singleElement()
          .extracting(AuthorSummary::posts)
          .isEqualTo(3L);

      ErasureReport erased = runtime.privacy().erase("Martina K.", "admin");
      assertThat(erased.erased())
          .containsEntry("posts_pseudonymised", 3)
          .containsEntry("pseudonyms_forgotten", 1);
      assertThat(runtime.privacy().reveal(pseudonym, "admin")).isEmpty();
      assertThat(runtime.privacy().find("Martina K.").isEmpty()).isTrue();
      // the texts stay under the pseudonym, as the project's setting says
      assertThat(runtime.store().byAuthor(pseudonym, 10)).hasSize(3);
    }
  }
}
