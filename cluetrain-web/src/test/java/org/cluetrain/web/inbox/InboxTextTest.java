package org.cluetrain.web.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cluetrain.model.Label;
import org.cluetrain.web.page.Messages;
import org.junit.jupiter.api.Test;

class InboxTextTest {

  /** "Lob, wo es hingehört … So geht Service!" was shown as negative 53 %: now it says unsure. */
  @Test
  void lobWoEsHingehoertSoGehtServiceAtNegative53PercentIsShownAsUnsure() {
    Label unsure = new Label("negative", 0.53, List.of("service"));
    Label sure = new Label("negative", 0.92, List.of("verspätung"));
    Messages en = Messages.of("en");
    assertThat(InboxText.label(en, unsure)).startsWith("unsure (negative ").contains("53");
    assertThat(InboxText.label(en, sure)).startsWith("negative ").contains("92");
    assertThat(InboxText.label(Messages.of("de"), unsure)).startsWith("unsicher (negativ ");
  }
}
