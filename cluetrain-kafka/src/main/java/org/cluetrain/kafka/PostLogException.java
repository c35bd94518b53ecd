package org.cluetrain.kafka;

import org.jspecify.annotations.Nullable;

/** The post log could not be written or read: the cluster refused or could not be reached. */
public final class PostLogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PostLogException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
