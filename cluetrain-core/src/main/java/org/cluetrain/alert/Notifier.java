package org.cluetrain.alert;

import java.util.List;

/**
 * Tells people about alerts: a webhook, a chat channel, an e-mail address list. Implementations
 * live with the application; they are called from a delivery thread, never from the pipeline.
 */
public interface Notifier {

  /** The destination's name, as alert rules list it among their recipients. */
  String name();

  /**
   * Sends alerts as one message (alerts of the same group belong together).
   *
   * @throws DeliveryFailure when the destination did not take the message; it is tried again later
   */
  void send(List<Alert> alerts) throws DeliveryFailure;

  /** A destination did not take a message; the message says what it answered. */
  final class DeliveryFailure extends Exception {
    public DeliveryFailure(String message) {
      super(message);
    }

    public DeliveryFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
