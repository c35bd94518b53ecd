package org.cluetrain.jdbc;

/** The database could not do what was asked; the message says what and why. */
public final class StoreFailure extends RuntimeException {
  public StoreFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
