package org.cluetrain.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.cluetrain.model.Label;
import org.junit.jupiter.api.Test;

/**
 * Texts on which the shipped models once misled with their confidence: praise shown as a complaint
 * and a web page about page layout labelled offensive with certainty. None may come out certain;
 * the German praise must come out right or <em>unsure</em> (below {@link Label#UNSURE_BELOW}). The
 * English two still lean the wrong way (model cards, known weaknesses): these tests hold what
 * calibration and long-text damping give, not more.
 */
class UnsureLabelsTest {

  /** Was negative 53 %, and became a complaint in the inbox. */
  @Test
  void lobWoEsHingehoertSoGehtService() {
    Label label =
        ShippedModels.load("sentiment", "de")
            .orElseThrow()
            .classify(
                "Lob, wo es hingehört: Zug ausgefallen, aber die Zugbegleiterin hat uns sofort ein"
                    + " Taxi organisiert und die Kosten übernommen. So geht Service!");
    assertThat(label.value().equals("negative") && !label.unsure()).as(label.toString()).isFalse();
  }

  /** Was negative 83 % (0.98 as trained); still negative, no longer near certain. */
  @Test
  void lufthansaRefundedTheHotelCreditWhereItIsDue() {
    Label label =
        ShippedModels.load("sentiment", "en")
            .orElseThrow()
            .classify(
                "Lufthansa refunded the hotel after our flight was cancelled, no questions asked."
                    + " Credit where it is due.");
    assertThat(label.score()).as(label.toString()).isLessThan(0.95);
  }

  /** Was labelled offensive with score 1.00; a long text of a kind never trained on. */
  @Test
  void wordPressTestPageAboutBackgroundColorAndPaddingPresets() {
    String page =
        ("This is a test page for the block editor. It checks the background color and padding"
                + " presets of the theme: a group block with a dark background, a cover block"
                + " with padding, columns with wide and full alignment, buttons, quotes, a table"
                + " and a list. Lorem ipsum dolor sit amet, consectetur adipiscing elit. ")
            .repeat(8);
    for (String lang : new String[] {"en", "de"}) {
      Label label = ShippedModels.load("offensive", lang).orElseThrow().classify(page);
      assertThat(label.score()).as(lang + " " + label).isLessThan(0.9);
    }
  }
}
