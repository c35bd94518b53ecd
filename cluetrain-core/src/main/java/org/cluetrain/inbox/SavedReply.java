package org.cluetrain.inbox;

import java.time.Instant;
import java.util.Objects;

/**
 * A reply the team reuses, per project: the start of a response, adapted before it is sent.
 *
 * @param id its number, 0 before it is stored
 * @param project the project it belongs to
 * @param name a short name to pick it by
 * @param text the reply
 * @param createdBy the account that wrote it
 * @param created when
 */
public record SavedReply(
    long id, String project, String name, String text, String createdBy, Instant created) {
  public static final int MAX_NAME = 80;

  public SavedReply {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(created, "created");
    name = name == null ? "" : name.strip();
    text = text == null ? "" : text.strip();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a saved reply needs a name");
    }
    if (name.length() > MAX_NAME) {
      throw new IllegalArgumentException(
          "a saved reply's name has at most " + MAX_NAME + " characters");
    }
    if (text.isEmpty()) {
      throw new IllegalArgumentException("a saved reply needs a text");
    }
    if (text.length() > InboxEvent.MAX_TEXT) {
      throw new IllegalArgumentException(
          "a saved reply has at most " + InboxEvent.MAX_TEXT + " characters");
    }
  }
}
