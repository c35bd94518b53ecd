package org.cluetrain.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LabeledDataTest {

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(LabeledDataTest.class.getResource("labeled/sentiment/de/" + name).toURI());
  }

  @Test
  void badRowsAreReportedWithFileLineAndReasonAndGoodRowsKept() throws Exception {
    Path file = fixture("mixed.dev.tsv");
    LabeledData data = LabeledData.read(file);

    assertThat(data.examples()).extracting(LabeledExample::id).containsExactly("r1", "r6");
    assertThat(data.examples().get(0))
        .isEqualTo(new LabeledExample("r1", "de", "positive", "Der Zug war pünktlich, super!"));
    assertThat(data.problems())
        .extracting(Object::toString)
        .containsExactly(
            file + ":3: expected 4 tab-separated columns, found 3",
            file + ":5: empty text",
            file
                + ":6: label 'positiv' is not a sentiment label, expected one of positive, negative, neutral",
            file + ":7: expected 4 tab-separated columns, found 5");
  }

  @Test
  void theTaskNamedInCodeWinsOverTheFolder() throws Exception {
    LabeledData data = LabeledData.read(Task.SPAM, fixture("mixed.dev.tsv"));
    assertThat(data.examples()).isEmpty();
    assertThat(data.problems()).hasSize(6);
  }

  @Test
  void aWrongHeaderAndAMissingFileAreProblemsNotExceptions() throws Exception {
    Path bad = fixture("badheader.dev.tsv");
    Path missing = bad.resolveSibling("missing.dev.tsv");
    LabeledData data = LabeledData.read(bad, missing);
    assertThat(data.problems())
        .extracting(Object::toString)
        .containsExactly(
            bad
                + ":1: expected the header 'id<TAB>lang<TAB>label<TAB>text', found 'identifier\ttext'",
            bad + ":2: expected 4 tab-separated columns, found 2",
            missing + ":0: cannot read: " + missing);
  }
}
