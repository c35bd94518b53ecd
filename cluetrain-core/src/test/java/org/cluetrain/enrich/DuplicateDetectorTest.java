package org.cluetrain.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cluetrain.enrich.duplicate.DuplicateDetector;
import org.cluetrain.enrich.duplicate.SimHash;
import org.cluetrain.model.Post;
import org.junit.jupiter.api.Test;

class DuplicateDetectorTest {
  private static final String COMMENT =
      "Ich habe gestern drei Stunden am Bahnsteig in Köln gewartet und niemand hat uns gesagt,"
          + " wann der nächste Zug kommt. So geht man nicht mit Kunden um.";

  private static Post post(String id, String text) {
    return EntityExtractorTest.post(text).toBuilder().id(id).build();
  }

  @Test
  void theSameCommentPostedTwiceIsACopyOfTheFirst() {
    DuplicateDetector detector = new DuplicateDetector(1000);
    assertThat(detector.enrich(post("a", COMMENT)).duplicateOf()).isNull();
    assertThat(detector.enrich(post("b", COMMENT)).duplicateOf()).isEqualTo("a");
  }

  @Test
  void smallEditsAndFormattingStillCountAsCopies() {
    DuplicateDetector detector = new DuplicateDetector(1000);
    detector.enrich(post("a", COMMENT));
    String edited = COMMENT.toUpperCase().replace("KÖLN", "KOLN") + " https://spam.example/x";
    assertThat(SimHash.distance(SimHash.fingerprint(COMMENT), SimHash.fingerprint(edited)))
        .isLessThanOrEqualTo(DuplicateDetector.MAX_DISTANCE);
    assertThat(detector.enrich(post("b", edited)).duplicateOf()).isEqualTo("a");
  }

  @Test
  void differentTextsAreNotCopies() {
    DuplicateDetector detector = new DuplicateDetector(1000);
    detector.enrich(post("a", COMMENT));
    Post other =
        detector.enrich(
            post(
                "b",
                "The new phone has a great camera, but the battery barely lasts a day when I"
                    + " use maps and music together."));
    assertThat(other.duplicateOf()).isNull();
    assertThat(other.fingerprint()).isNotZero();
  }

  @Test
  void aReimportedPostIsNotACopyOfItself() {
    DuplicateDetector detector = new DuplicateDetector(1000);
    detector.enrich(post("a", COMMENT));
    assertThat(detector.enrich(post("a", COMMENT)).duplicateOf()).isNull();
  }

  @Test
  void remembersOnlyTheMostRecentPosts() {
    DuplicateDetector detector = new DuplicateDetector(1);
    detector.remember(List.of(new DuplicateDetector.Entry("old", SimHash.fingerprint(COMMENT))));
    detector.enrich(
        post("newer", "Ganz anderer Text über Fahrräder und das Wetter in Hamburg heute"));
    assertThat(detector.enrich(post("b", COMMENT)).duplicateOf()).isNull();
  }

  @Test
  void textWithoutWordsHasNoFingerprint() {
    assertThat(SimHash.fingerprint("🙂🙂 https://x.example")).isZero();
  }
}
