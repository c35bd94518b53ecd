package org.cluetrain.app.alert;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.cluetrain.alert.Alert;
import org.cluetrain.alert.Notifier;
import org.cluetrain.connectors.net.AddressPolicy;
import org.cluetrain.connectors.net.RefusedAddressException;

/**
 * Posts alerts to a webhook: either the alerts as JSON ({@code {"alerts": [...]}}, for one's own
 * systems) or a chat message ({@code {"text": ...}}, which Slack, Mattermost and Rocket.Chat
 * incoming webhooks take). Any 2xx answer is a delivery; anything else is a failure naming the
 * status and the start of the answer. The webhook's address is checked against the workspace's
 * {@link AddressPolicy} before every delivery (a webhook on this machine or the local network must
 * be allowed by an admin), and redirects are not followed.
 */
final class WebhookNotifier implements Notifier {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** What the webhook receives. */
  enum Payload {
    JSON,
    CHAT
  }

  private final String name;
  private final URI url;
  private final Payload payload;
  private final HttpClient http;
  private final AddressPolicy addresses;

  WebhookNotifier(String name, URI url, Payload payload, HttpClient http, AddressPolicy addresses) {
    this.name = name;
    this.url = url;
    this.payload = payload;
    this.http = http;
    this.addresses = addresses;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(List<Alert> alerts) throws DeliveryFailure {
    String body =
        payload == Payload.JSON ? AlertJson.webhookPayload(alerts) : AlertJson.chatPayload(alerts);
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json; charset=utf-8")
            .header("User-Agent", "Cluetrain alerts")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      addresses.check(url);
    } catch (RefusedAddressException refused) {
      throw new DeliveryFailure(refused.getMessage(), refused);
    } catch (UnknownHostException unknown) {
      throw new DeliveryFailure("cannot reach " + url + ": host not found", unknown);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DeliveryFailure(
          "cannot reach " + url + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailure("interrupted while posting to " + url, e);
    }
    if (response.statusCode() / 100 != 2) {
      String answer = response.body() == null ? "" : response.body().strip();
      throw new DeliveryFailure(
          "HTTP "
              + response.statusCode()
              + " from "
              + url
              + (answer.isEmpty()
                  ? ""
                  : ": " + (answer.length() > 200 ? answer.substring(0, 200) + "…" : answer)));
    }
  }
}
