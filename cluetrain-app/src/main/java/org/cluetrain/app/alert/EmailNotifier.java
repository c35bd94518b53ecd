package org.cluetrain.app.alert;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.cluetrain.alert.Alert;
import org.cluetrain.alert.AlertText;
import org.cluetrain.alert.Notifier;
import org.cluetrain.app.workspace.Workspace;

/** Sends alerts as a plain-text e-mail through the workspace's SMTP server (Jakarta Mail). */
final class EmailNotifier implements Notifier {
  private static final String TIMEOUT_MILLIS = "15000";

  private final String name;
  private final List<String> recipients;
  private final Workspace.Smtp smtp;
  private final Session session;

  /**
   * @param environment looks up environment variables (the password named by {@code password-env})
   */
  EmailNotifier(
      String name,
      List<String> recipients,
      Workspace.Smtp smtp,
      UnaryOperator<String> environment) {
    this.name = name;
    this.recipients = List.copyOf(recipients);
    this.smtp = smtp;
    Properties properties = new Properties();
    properties.put("mail.smtp.host", smtp.host());
    properties.put("mail.smtp.port", String.valueOf(smtp.port()));
    properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
    properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
    properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
    if (smtp.startTls()) {
      properties.put("mail.smtp.starttls.enable", "true");
      properties.put("mail.smtp.starttls.required", "true");
    }
    Authenticator authenticator = null;
    if (smtp.username() != null) {
      properties.put("mail.smtp.auth", "true");
      String password = smtp.passwordEnv() == null ? "" : environment.apply(smtp.passwordEnv());
      String secret = password == null ? "" : password;
      authenticator =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(smtp.username(), secret);
            }
          };
    }
    this.session = Session.getInstance(properties, authenticator);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(List<Alert> alerts) throws DeliveryFailure {
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(smtp.from()));
      for (String recipient : recipients) {
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
      }
      message.setSubject("[Cluetrain] " + AlertText.subject(alerts), StandardCharsets.UTF_8.name());
      message.setText(AlertText.render(alerts), StandardCharsets.UTF_8.name());
      message.setSentDate(new Date());
      Transport.send(message);
    } catch (MessagingException e) {
      throw new DeliveryFailure(
          "cannot send e-mail through " + smtp.host() + ":" + smtp.port() + ": " + e.getMessage(),
          e);
    }
  }
}
