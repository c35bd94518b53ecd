package org.cluetrain.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cluetrain.ingest.InputDocument;
import org.cluetrain.ingest.UnusableInputException;
import org.cluetrain.testkit.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The W3C feed validator's test cases, valid and deliberately broken: every file either imports or
 * is rejected with a reason; none escapes with another exception.
 */
class FeedValidatorCorpusTest {

  @Test
  void everyCaseImportsOrIsRejectedWithAReason() {
    Path corpus = SharedData.path("fixtures/feeds/feedvalidator/testcases");
    List<Path> files = FixtureReading.dataFiles(corpus).toList();
    int imported = 0;
    int rejected = 0;
    List<String> crashes = new ArrayList<>();
    for (Path file : files) {
      try {
        FixtureReading.FORMATS.read(InputDocument.ofFile(file), "auto", item -> {});
        imported++;
      } catch (UnusableInputException e) {
        if (!e.getMessage().startsWith(file.toString() + ": ")) {
          crashes.add(file + ": rejection does not name the input: " + e.getMessage());
        }
        rejected++;
      } catch (RuntimeException | Error e) {
        crashes.add(file + ": " + e);
      }
    }
    assertThat(crashes).isEmpty();
    assertThat(imported + rejected).isEqualTo(files.size());
    assertThat(files).hasSizeGreaterThan(1000);
    // most cases are well-formed feeds with one defect each; they import
    assertThat(imported).isGreaterThan(files.size() * 3 / 4);
  }
}
