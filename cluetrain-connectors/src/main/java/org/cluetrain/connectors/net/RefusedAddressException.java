package org.cluetrain.connectors.net;

import java.net.URI;

/** A URL Cluetrain will not connect to, and why. */
public final class RefusedAddressException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient URI uri;
  private final String reason;

  public RefusedAddressException(URI uri, String reason) {
    super("refused " + uri + ": " + reason);
    this.uri = uri;
    this.reason = reason;
  }

  /** Why, without the URL: {@code 127.0.0.1, a loopback address; …}. */
  public String reason() {
    return reason;
  }

  /** The refused URL. */
  public URI uri() {
    return uri;
  }
}
