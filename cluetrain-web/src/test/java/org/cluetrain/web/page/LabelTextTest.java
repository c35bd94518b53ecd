package org.cluetrain.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cluetrain.model.Label;
import org.junit.jupiter.api.Test;

class LabelTextTest {

  /** "Lob, wo es hingehört … So geht Service!" was shown as negative 53 %: now it says unsure. */
  @Test
  void lobWoEsHingehoertSoGehtServiceAtNegative53PercentIsShownAsUnsure() {
    Label unsure = new Label("negative", 0.53, List.of("service"));
    Label sure = new Label("negative", 0.92, List.of("verspätung"));
    Messages en = Messages.of("en");
    assertThat(LabelText.text(en, unsure)).startsWith("unsure (negative ").contains("53");
    assertThat(LabelText.text(en, sure)).startsWith("negative ").contains("92");
    assertThat(LabelText.text(Messages.of("de"), unsure)).startsWith("unsicher (negativ ");
    assertThat(LabelText.badge(unsure)).isEqualTo("unsure");
    assertThat(LabelText.badge(sure)).isEqualTo("negative");
  }

  /** Mentions showed "Offensive: other 96 %" where the inbox said "not offensive 96 %". */
  @Test
  void theOffensiveClassifiersOtherReadsNotOffensive() {
    Label other = new Label("other", 0.96, List.of());
    assertThat(LabelText.text(Messages.of("en"), other)).isEqualTo("not offensive 96%");
    assertThat(LabelText.text(Messages.of("de"), other)).startsWith("nicht beleidigend 96");
  }
}
