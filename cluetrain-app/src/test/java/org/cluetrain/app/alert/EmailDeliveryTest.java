package org.cluetrain.app.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.cluetrain.alert.Notifier;
import org.cluetrain.app.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** E-mail alerts through a real SMTP server (GreenMail) on the loopback interface. */
class EmailDeliveryTest {
  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP);

  private static Workspace.Smtp smtp(String username, String passwordEnv) {
    return new Workspace.Smtp(
        "127.0.0.1",
        ServerSetupTest.SMTP.getPort(),
        "alerts@acme.example",
        username,
        passwordEnv,
        false);
  }

  @Test
  void anAlertArrivesAsPlainTextWithItsSummaryAsSubject() throws Exception {
    EmailNotifier mail =
        new EmailNotifier(
            "team",
            List.of("ann@acme.example", "bob@acme.example"),
            smtp(null, null),
            name -> null);
    mail.send(List.of(TestAlerts.alert("a1", "a1")));

    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).hasSize(2); // one copy per recipient mailbox
    MimeMessage message = received[0];
    assertThat(message.getSubject()).startsWith("[Cluetrain] Posts on acme/brand: 30 in the hour");
    assertThat(message.getFrom()[0].toString()).isEqualTo("alerts@acme.example");
    String body = GreenMailUtil.getBody(message);
    assertThat(body).contains("observed 30 posts, expected 2.5").contains("top terms: recall");
  }

  @Test
  void thePasswordComesFromTheNamedEnvironmentVariable() throws Exception {
    MAIL.setUser("alerts@acme.example", "cluetrain", "s3cret");
    Map<String, String> environment = Map.of("SMTP_PASSWORD", "s3cret");
    new EmailNotifier(
            "team",
            List.of("ann@acme.example"),
            smtp("cluetrain", "SMTP_PASSWORD"),
            environment::get)
        .send(List.of(TestAlerts.alert("a1", "a1")));
    assertThat(MAIL.getReceivedMessages()).hasSize(1);
  }

  @Test
  void anUnreachableServerIsADeliveryFailureNamingIt() {
    Workspace.Smtp nowhere =
        new Workspace.Smtp("127.0.0.1", 1, "alerts@acme.example", null, null, false);
    EmailNotifier mail = new EmailNotifier("team", List.of("ann@acme.example"), nowhere, n -> null);
    assertThatThrownBy(() -> mail.send(List.of(TestAlerts.alert("a1", "a1"))))
        .isInstanceOf(Notifier.DeliveryFailure.class)
        .hasMessageStartingWith("cannot send e-mail through 127.0.0.1:1: ");
  }
}
